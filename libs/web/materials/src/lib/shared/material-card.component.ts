import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FILE_FORMATS, type MaterialSummary } from '@kehittamo/shared/domain';
import { LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from './material.api';
import { CountPipe } from './format';

/** "PDF", "DOCX", "JPG": the format as people know it from file names. */
export function formatName(material: Pick<MaterialSummary, 'file'>): string | null {
  return material.file ? FILE_FORMATS[material.file.format].extension.toUpperCase() : null;
}

/**
 * One material in a list: title (a link to it), what it is in words (form, format, type, space),
 * the matching passage of a search (matches in <mark>) or the start of its text, its tags and how
 * much it has been used. Text only, never HTML from the server.
 */
@Component({
  selector: 'kh-material-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LabelPipe, CountPipe],
  template: `
    @let item = material();
    <div class="kh-material-card__text">
      <h3 class="kh-material-card__title">
        <a [routerLink]="['/materials', item.id]" data-testid="material-link">{{ item.title }}</a>
      </h3>
      <p class="kh-material-card__facts">
        <span>{{ item.kind | label: 'materialKinds' }}</span>
        @if (format(); as format) {
          <span>{{ format }}</span>
        }
        <span>{{ item.type | label: 'materialTypes' }}</span>
        <span>{{ 'models.space' | t }}: {{ item.spaceName }}</span>
      </p>
      @if (item.snippet?.length) {
        <p class="kh-material-card__snippet" data-testid="material-snippet">
          <span class="kh-visually-hidden">{{ 'materials.match' | t }} </span>
          @for (part of item.snippet; track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}
        </p>
      } @else if (item.description || item.excerpt) {
        <p class="kh-material-card__excerpt">{{ item.description || item.excerpt }}</p>
      }
      @if (item.tags.length) {
        <ul class="kh-material-card__tags" [attr.aria-label]="'materials.tags' | t">
          @for (tag of item.tags; track tag) {
            <li class="kh-badge">{{ tag }}</li>
          }
        </ul>
      }
      <p class="kh-material-card__usage kh-muted" data-testid="material-usage">
        {{
          'materials.usage'
            | t: { views: (item.usage.views | count), downloads: (item.usage.downloads | count), useful: (item.usage.useful | count) }
        }}
      </p>
    </div>
    @if (item.file?.hasPreview) {
      <!-- The title next to it says what it is; the thumbnail adds nothing for a screen reader. -->
      <img class="kh-material-card__preview" alt="" loading="lazy" width="96" height="128" [src]="previewUrl()" />
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.75rem;
      align-items: start;
    }
    .kh-material-card__text > * {
      margin: 0 0 0.375rem;
    }
    .kh-material-card__title a {
      display: inline-block;
      padding-block: 0.5rem;
      overflow-wrap: anywhere;
    }
    .kh-material-card__facts span:not(:last-child)::after {
      content: ' · ';
    }
    .kh-material-card__excerpt,
    .kh-material-card__snippet {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    /* Matches: yellow background and bold, so they show without colour too. */
    mark {
      background: #fff3a3;
      color: inherit;
      font-weight: 700;
    }
    .kh-material-card__tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      padding: 0;
      list-style: none;
    }
    .kh-material-card__usage {
      font: var(--mat-sys-body-medium);
    }
    .kh-material-card__preview {
      width: 4.5rem;
      height: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: #fff;
    }
  `,
})
export class MaterialCardComponent {
  private readonly api = inject(MaterialApi);

  readonly material = input.required<MaterialSummary>();

  protected readonly format = computed(() => formatName(this.material()));
  protected readonly previewUrl = computed(() => this.api.previewUrl(this.material().id));
}
