import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { FileDownloadsComponent, type FileDownload } from '../shared/file-downloads.component';
import { agendaMinutes } from '../shared/people';
import { WorkshopNavComponent } from '../shared/workshop-nav.component';
import { WorkshopTimePipe } from '../shared/workshop-time.pipe';
import { WorkshopApi } from '../workshop.api';
import { SendToModelComponent } from './send-to-model.component';

/**
 * What a workshop produced: its agenda, every frame's notes, the ranked vote results,
 * downloads (Markdown, PDF), and sending chosen notes into a model description.
 */
@Component({
  selector: 'kh-workshop-summary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, WorkshopTimePipe, ErrorMessageComponent, WorkshopNavComponent, FileDownloadsComponent, SendToModelComponent],
  templateUrl: './workshop-summary.page.html',
  styles: `
    .kh-summary-notes {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    /* The whole row is the checkbox's label: a big target on a phone. */
    .kh-summary-note {
      display: flex;
      align-items: flex-start;
      gap: 0.75rem;
      min-height: 44px;
      padding-block: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      cursor: pointer;
    }
    .kh-summary-note input {
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
    }
    .kh-summary-note__text {
      white-space: pre-line;
    }
    .kh-summary-votes li {
      margin-block: 0.5rem;
    }
  `,
})
export class WorkshopSummaryPage {
  private readonly api = inject(WorkshopApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly summary = remote({ params: () => this.id(), load: (id: string) => this.api.summary(id) });
  /** For the linked model descriptions and the user's part in it. */
  protected readonly workshop = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly facilitatorNames = computed(() =>
    (this.summary.value()?.workshop.facilitators ?? []).map((person) => person.displayName).join(', '),
  );
  protected readonly totalMinutes = computed(() => agendaMinutes(this.summary.value()?.workshop.agenda ?? []));
  protected readonly selection = signal<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  protected readonly downloads = computed<FileDownload[]>(() => {
    const id = this.id();
    const name = this.summary.value()?.workshop.title ?? 'workshop';
    return [
      { key: 'md', label: 'workshopSummary.markdown', fetch: () => this.api.summaryFile(id, 'md'), fallbackName: `${name}.md` },
      { key: 'pdf', label: 'workshopSummary.pdf', fetch: () => this.api.summaryFile(id, 'pdf'), fallbackName: `${name}.pdf` },
    ];
  });

  constructor() {
    effect(() => this.title.setDetail(this.summary.value()?.workshop.title ?? null));
  }

  protected isSelected(boardId: string, itemId: string): boolean {
    return this.selection().get(boardId)?.has(itemId) ?? false;
  }

  protected toggle(boardId: string, itemId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selection.update((current) => {
      const next = new Map(current);
      const ids = new Set(next.get(boardId) ?? []);
      if (checked) ids.add(itemId);
      else ids.delete(itemId);
      next.set(boardId, ids);
      return next;
    });
  }
}
