import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { CommentThreadsPanelComponent } from '@kehittamo/web/comments';
import { Router, RouterLink } from '@angular/router';
import type { LiveStatus, Workshop } from '@kehittamo/shared/domain';
import { I18nService, remote, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { WorkshopFormComponent } from '../form/workshop-form.component';
import { agendaMinutes, groupByOrganisation } from '../shared/people';
import { WorkshopNavComponent } from '../shared/workshop-nav.component';
import { WorkshopTimePipe } from '../shared/workshop-time.pipe';
import { WorkshopApi } from '../workshop.api';

export const STATUS_LABEL: Record<LiveStatus, TranslationKey> = {
  planned: 'workshop.statusPlanned',
  live: 'workshop.statusLive',
  ended: 'workshop.statusEnded',
};

/** Only web addresses become links; anything else (a room, an address) stays text. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

/**
 * One workshop: when and where, who runs it and who takes part (grouped by organisation,
 * never by role), the agenda with its total time, linked model descriptions and boards, and
 * the way into live mode. Facilitators can change or delete it here.
 */
@Component({
  selector: 'kh-workshop-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    WorkshopTimePipe,
    ErrorMessageComponent,
    NoticeComponent,
    ConfirmButtonComponent,
    WorkshopNavComponent,
    WorkshopFormComponent,
    CommentThreadsPanelComponent,
  ],
  templateUrl: './workshop-detail.page.html',
  styleUrl: './workshop-detail.page.scss',
})
export class WorkshopDetailPage {
  private readonly api = inject(WorkshopApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly title = inject(PageTitleStrategy);
  private readonly editButton = viewChild<ElementRef<HTMLElement>>('editButton');
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `?thread=`: a notification's link opens that comment thread. */
  readonly thread = input<string | undefined>(undefined);

  protected readonly workshop = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly facilitates = computed(() => this.workshop.value()?.myRole === 'facilitator');
  protected readonly participantGroups = computed(() =>
    groupByOrganisation(this.workshop.value()?.participants ?? [], this.i18n.locale()),
  );
  protected readonly totalMinutes = computed(() => agendaMinutes(this.workshop.value()?.agenda ?? []));
  protected readonly editing = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly deleteError = signal<unknown>(null);
  protected readonly isWebAddress = isWebAddress;

  constructor() {
    effect(() => this.title.setDetail(this.workshop.value()?.title ?? null));
  }

  protected boardTitle(workshop: Workshop, boardId: string | null): string {
    const id = boardId ?? workshop.mainBoardId;
    return workshop.boards.find((board) => board.id === id)?.title ?? this.i18n.translate('workshop.mainBoard');
  }

  protected startEditing(): void {
    this.notice.set(null);
    this.editing.set(true);
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected stopEditing(saved: Workshop | null): void {
    if (saved) {
      this.workshop.update(() => saved);
      this.notice.set(this.i18n.translate('workshop.saved'));
    }
    this.editing.set(false);
    afterNextRender(() => this.editButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected remove(workshop: Workshop): void {
    this.deleteError.set(null);
    this.api.delete(workshop.id).subscribe({
      next: () => void this.router.navigate(['/spaces', workshop.spaceId, 'workshops']),
      error: (failure: unknown) => this.deleteError.set(failure),
    });
  }
}
