import { inject, Pipe, PipeTransform } from '@angular/core';
import { ModelPhaseStore } from '../data/model-phase.store';

/** `{{ model.phase | phaseLabel }}`: the phase in the UI language. Impure: follows the language and the loaded phases. */
@Pipe({ name: 'phaseLabel', pure: false })
export class PhaseLabelPipe implements PipeTransform {
  private readonly phases = inject(ModelPhaseStore);

  transform(key: string | null | undefined): string {
    return key ? this.phases.label(key) : '';
  }
}
