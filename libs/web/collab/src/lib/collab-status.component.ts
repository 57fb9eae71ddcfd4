import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import type { CollabSession } from './collab-session';

let nextId = 0;

type Tone = 'ok' | 'busy' | 'offline' | 'error';

/**
 * "Saving… / Saved / Offline – changes are kept on this device" for one open document, in a
 * polite live region, and who else is in it (colour dot + name; the name is the accessible
 * text, the colour only decorates). Errors the server reported are announced as alerts.
 */
@Component({
  selector: 'kh-collab-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="kh-collab-status">
      <p
        class="kh-collab-state"
        role="status"
        data-testid="collab-status"
        [attr.data-connection]="session().connection()"
        [attr.data-save]="session().saveState()"
      >
        <span [class]="'kh-collab-dot kh-collab-dot--' + tone()" aria-hidden="true"></span>
        <span>{{ statusKey() | t }}</span>
      </p>
      @if (problemKey(); as key) {
        <p class="kh-collab-problem" role="alert" data-testid="collab-problem">{{ key | t }}</p>
      }
      <div class="kh-collab-peers" data-testid="collab-peers">
        <span class="kh-collab-peers-label" [id]="peersLabelId">{{ 'collab.peersLabel' | t }}:</span>
        @if (session().peers().length) {
          <ul [attr.aria-labelledby]="peersLabelId">
            @for (peer of session().peers(); track peer.id) {
              <li class="kh-collab-peer" data-testid="collab-peer">
                <span class="kh-collab-peer-dot" [style.background-color]="peer.color" aria-hidden="true"></span>
                {{ peer.name }}
              </li>
            }
          </ul>
        } @else {
          <span>{{ 'collab.peersNone' | t }}</span>
        }
      </div>
    </div>
  `,
  styles: `
    .kh-collab-status {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: center;
      margin-block: 0.5rem 1rem;
    }
    .kh-collab-state,
    .kh-collab-problem {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      font-weight: 600;
    }
    .kh-collab-problem {
      flex-basis: 100%;
      border-inline-start: 4px solid var(--mat-sys-error);
      padding-inline-start: 0.5rem;
    }
    .kh-collab-dot {
      flex: none;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      border: 2px solid var(--mat-sys-outline);
    }
    .kh-collab-dot--ok { background: #146c2e; border-color: #146c2e; }
    .kh-collab-dot--busy { background: transparent; }
    .kh-collab-dot--offline { background: var(--mat-sys-outline); }
    .kh-collab-dot--error { background: var(--mat-sys-error); border-color: var(--mat-sys-error); }
    .kh-collab-peers {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    .kh-collab-peers ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .kh-collab-peer {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      max-width: 100%;
      padding: 0.125rem 0.625rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 999px;
      background: var(--mat-sys-surface-container-low);
      overflow-wrap: anywhere;
    }
    .kh-collab-peer-dot {
      flex: none;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
    }
  `,
})
export class CollabStatusComponent {
  readonly session = input.required<CollabSession>();

  protected readonly peersLabelId = `kh-collab-peers-${nextId++}`;

  protected readonly statusKey = computed<TranslationKey>(() => {
    const session = this.session();
    const connection = session.connection();
    const save = session.saveState();
    if (connection === 'no-access') return 'collab.noAccess';
    if (save === 'offline-unsaved') return 'collab.offlineUnsaved';
    if (connection === 'offline') return 'collab.offline';
    if (connection === 'connecting') return 'collab.connecting';
    if (save === 'saving') return 'collab.saving';
    if (!session.synced()) return 'collab.loading';
    return session.canEdit() ? 'collab.saved' : 'collab.upToDate';
  });

  protected readonly tone = computed<Tone>(() => {
    switch (this.statusKey()) {
      case 'collab.saved':
      case 'collab.upToDate':
        return 'ok';
      case 'collab.noAccess':
        return 'error';
      case 'collab.offline':
      case 'collab.offlineUnsaved':
        return 'offline';
      default:
        return 'busy';
    }
  });

  protected readonly problemKey = computed<TranslationKey | null>(() => {
    const problem = this.session().problem();
    if (problem === 'document-too-large') return 'collab.tooLarge';
    if (problem === 'change-too-large') return 'collab.changeTooLarge';
    if (problem === 'rate-limited') return 'collab.rateLimited';
    return null;
  });
}
