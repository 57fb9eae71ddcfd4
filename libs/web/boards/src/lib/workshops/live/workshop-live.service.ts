import { computed, DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import {
  WORKSHOP_EVENTS,
  type ApiError,
  type LiveAck,
  type LiveCommand,
  type LiveFacilitatorEvent,
  type LiveMineEvent,
  type LiveReactionEvent,
  type LiveStateEvent,
  type QuickReaction,
} from '@kehittamo/shared/domain';
import { io } from 'socket.io-client';
import { WorkshopApi } from '../workshop.api';
import { clockOffsetMs } from './live-state';

/** The little of a Socket.IO client socket this service uses (a fake stands in for it in tests). */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, payload: unknown, ack?: (answer: LiveAck) => void): unknown;
  disconnect(): unknown;
}

/** Opens the app's Socket.IO connection; same origin, the session cookie authenticates. */
export const LIVE_SOCKET_FACTORY = new InjectionToken<() => LiveSocket>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => () => io({ path: '/socket.io', transports: ['websocket'] }) as unknown as LiveSocket,
});

export type LiveConnection = 'connecting' | 'joined' | 'offline' | 'refused';

/** How long a shown reaction stays on screen. */
export const REACTION_SHOWN_MS = 4000;
/** A command without an answer after this long counts as failed (the connection is probably gone). */
export const ACK_TIMEOUT_MS = 10_000;

const TIMEOUT_ERROR: ApiError = { statusCode: 503, code: 'unavailable', message: 'No answer from the server.' };

/**
 * One workshop's live mode over Socket.IO, as signals: the shared state, the user's own votes
 * and private notes, what only facilitators get, and anonymous reactions. Joins on connect and
 * again after every reconnect (the server forgets a socket's rooms when it drops), and takes a
 * first copy of the state over HTTP so a reload paints at once. Provide it per page.
 */
@Injectable()
export class WorkshopLiveService {
  private readonly api = inject(WorkshopApi);
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);

  private socket: LiveSocket | null = null;
  private workshopId: string | null = null;
  private reactionSeq = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private readonly connectionState = signal<LiveConnection>('connecting');
  private readonly joinErrorState = signal<ApiError | null>(null);
  private readonly stateEvent = signal<LiveStateEvent | null>(null);
  private readonly mineEvent = signal<LiveMineEvent | null>(null);
  private readonly facilitatorEvent = signal<LiveFacilitatorEvent | null>(null);
  private readonly reactionList = signal<readonly { id: number; reaction: QuickReaction }[]>([]);
  private readonly offset = signal(0);

  readonly connection = this.connectionState.asReadonly();
  /** Why joining was refused (no access, workshop gone …). */
  readonly joinError = this.joinErrorState.asReadonly();
  readonly event = this.stateEvent.asReadonly();
  readonly state = computed(() => this.stateEvent()?.state ?? null);
  readonly mine = this.mineEvent.asReadonly();
  readonly facilitator = this.facilitatorEvent.asReadonly();
  /** Reactions of the last few seconds, newest last; each disappears by itself. */
  readonly reactions = this.reactionList.asReadonly();
  /** Server clock minus this device's clock, in ms. */
  readonly clockOffset = this.offset.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /** Now on the server's clock, for timers on devices whose clock is off. */
  serverNow(): number {
    return Date.now() + this.offset();
  }

  connect(workshopId: string): void {
    if (this.workshopId === workshopId && this.socket) return;
    this.disconnect();
    this.workshopId = workshopId;
    this.connectionState.set('connecting');

    // A first paint from HTTP; the socket's events replace it as soon as they come.
    this.api.live(workshopId).subscribe({
      next: (event) => {
        if (this.workshopId === workshopId && !this.stateEvent()) this.acceptState(event);
      },
      error: () => undefined, // the join below reports access problems
    });

    const socket = this.createSocket();
    this.socket = socket;
    socket.on('connect', () => this.join());
    socket.on('disconnect', () => this.connectionState.set('offline'));
    socket.on('connect_error', () => this.connectionState.set('offline'));
    socket.on(WORKSHOP_EVENTS.state, (event: LiveStateEvent) => {
      if (event.workshopId === this.workshopId) this.acceptState(event);
    });
    socket.on(WORKSHOP_EVENTS.mine, (event: LiveMineEvent) => {
      if (event.workshopId === this.workshopId) this.mineEvent.set(event);
    });
    socket.on(WORKSHOP_EVENTS.facilitator, (event: LiveFacilitatorEvent) => {
      if (event.workshopId === this.workshopId) this.facilitatorEvent.set(event);
    });
    socket.on(WORKSHOP_EVENTS.reaction, (event: LiveReactionEvent) => {
      if (event.workshopId === this.workshopId) this.showReaction(event.reaction);
    });
    if (socket.connected) this.join();
  }

  /** Leaves live mode (the server closes this person's attendance session). */
  disconnect(): void {
    const socket = this.socket;
    if (socket) {
      if (socket.connected && this.workshopId) socket.emit(WORKSHOP_EVENTS.leave, { workshopId: this.workshopId });
      socket.disconnect();
    }
    this.socket = null;
    this.workshopId = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Sends a command; resolves with the server's answer (a refusal carries the reason to show). */
  send(command: LiveCommand): Promise<LiveAck> {
    const socket = this.socket;
    const workshopId = this.workshopId;
    if (!socket || !workshopId || !socket.connected) return Promise.resolve({ ok: false, error: TIMEOUT_ERROR });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve({ ok: false, error: TIMEOUT_ERROR });
      }, ACK_TIMEOUT_MS);
      this.timers.add(timer);
      socket.emit(WORKSHOP_EVENTS.command, { workshopId, command }, (answer: LiveAck) => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve(answer ?? { ok: false, error: TIMEOUT_ERROR });
      });
    });
  }

  private join(): void {
    const socket = this.socket;
    const workshopId = this.workshopId;
    if (!socket || !workshopId) return;
    this.connectionState.set('connecting');
    socket.emit(WORKSHOP_EVENTS.join, { workshopId }, (answer: LiveAck) => {
      if (this.workshopId !== workshopId) return;
      if (answer?.ok) {
        this.joinErrorState.set(null);
        this.connectionState.set('joined');
      } else {
        this.joinErrorState.set(answer?.error ?? TIMEOUT_ERROR);
        this.connectionState.set('refused');
      }
    });
  }

  private acceptState(event: LiveStateEvent): void {
    this.offset.set(clockOffsetMs(event.serverTime, Date.now()));
    this.stateEvent.set(event);
  }

  private showReaction(reaction: QuickReaction): void {
    const id = ++this.reactionSeq;
    // At most a handful on screen: a burst of clapping must not fill a phone.
    this.reactionList.update((list) => [...list.slice(-4), { id, reaction }]);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.reactionList.update((list) => list.filter((entry) => entry.id !== id));
    }, REACTION_SHOWN_MS);
    this.timers.add(timer);
  }
}
