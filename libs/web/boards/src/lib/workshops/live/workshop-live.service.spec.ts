import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { WORKSHOP_EVENTS, type LiveAck, type LiveStateEvent } from '@kehittamo/shared/domain';
import { LIVE_SOCKET_FACTORY, WorkshopLiveService, type LiveSocket } from './workshop-live.service';

/** A socket that records what is sent and lets the test play the server. */
class FakeSocket implements LiveSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown; ack?: (answer: LiveAck) => void }[] = [];
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: unknown, ack?: (answer: LiveAck) => void): this {
    this.sent.push({ event, payload, ack });
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  serverSends(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

const stateEvent = (revision: number): LiveStateEvent => ({
  workshopId: 'w1',
  state: {
    status: 'live',
    agendaItemId: null,
    timer: null,
    follow: null,
    lockedBoards: [],
    lockedFrames: [],
    privateWriting: null,
    voting: null,
    breakouts: null,
    anonymous: false,
    revision,
  },
  tallies: null,
  votesCast: 0,
  presence: [],
  serverTime: new Date().toISOString(),
});

describe('WorkshopLiveService', () => {
  let socket: FakeSocket;
  let service: WorkshopLiveService;
  let http: HttpTestingController;

  beforeEach(() => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        WorkshopLiveService,
        { provide: LIVE_SOCKET_FACTORY, useValue: () => socket },
      ],
    });
    service = TestBed.inject(WorkshopLiveService);
    http = TestBed.inject(HttpTestingController);
  });

  it('joins on connect and again after a reconnect, and takes the state the server sends', () => {
    service.connect('w1');
    http.expectOne('/api/workshops/w1/live').flush(stateEvent(1));
    expect(service.state()?.revision).toBe(1);

    socket.connected = true;
    socket.serverSends('connect');
    const join = socket.sent.find((entry) => entry.event === WORKSHOP_EVENTS.join);
    expect(join?.payload).toEqual({ workshopId: 'w1' });
    join?.ack?.({ ok: true });
    expect(service.connection()).toBe('joined');

    socket.serverSends(WORKSHOP_EVENTS.state, stateEvent(2));
    expect(service.state()?.revision).toBe(2);

    socket.serverSends('disconnect');
    expect(service.connection()).toBe('offline');
    socket.serverSends('connect');
    expect(socket.sent.filter((entry) => entry.event === WORKSHOP_EVENTS.join)).toHaveLength(2);
  });

  it('hands a refused command’s reason to the caller', async () => {
    service.connect('w1');
    http.expectOne('/api/workshops/w1/live').flush(stateEvent(1));
    socket.connected = true;
    socket.serverSends('connect');

    const answer = service.send({ type: 'timer.pause' });
    const command = socket.sent.find((entry) => entry.event === WORKSHOP_EVENTS.command);
    expect(command?.payload).toEqual({ workshopId: 'w1', command: { type: 'timer.pause' } });
    command?.ack?.({ ok: false, error: { statusCode: 403, code: 'forbidden', message: 'Facilitators only' } });
    expect(await answer).toEqual({ ok: false, error: { statusCode: 403, code: 'forbidden', message: 'Facilitators only' } });
  });

  it('ignores events of another workshop and says goodbye when leaving', () => {
    service.connect('w1');
    http.expectOne('/api/workshops/w1/live').flush(stateEvent(1));
    socket.connected = true;
    socket.serverSends(WORKSHOP_EVENTS.state, { ...stateEvent(9), workshopId: 'other' });
    expect(service.state()?.revision).toBe(1);

    service.disconnect();
    expect(socket.sent.at(-1)).toMatchObject({ event: WORKSHOP_EVENTS.leave, payload: { workshopId: 'w1' } });
  });
});
