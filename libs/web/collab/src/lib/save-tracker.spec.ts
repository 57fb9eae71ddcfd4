import { SaveTracker } from './save-tracker';

describe('knowing what the server has', () => {
  it('acknowledges local changes only with the answer to a probe sent after them', () => {
    const tracker = new SaveTracker();
    tracker.socketOpened();
    tracker.serverStateAnswered();
    tracker.answerReceived(); // the handshake's answer proves nothing about later changes
    expect(tracker.unacknowledged).toBe(0);

    tracker.localChange();
    tracker.localChange();
    expect(tracker.wantsProbe()).toBe(true);
    tracker.probeSent();
    expect(tracker.wantsProbe()).toBe(false); // one probe at a time
    tracker.localChange(); // made after the probe: not covered by its answer
    tracker.answerReceived();
    expect(tracker.unacknowledged).toBe(1);
    expect(tracker.wantsProbe()).toBe(true);
    tracker.probeSent();
    tracker.answerReceived();
    expect(tracker.unacknowledged).toBe(0);
    expect(tracker.wantsProbe()).toBe(false);
  });

  it('does not take the handshake answer for an acknowledgement of offline changes', () => {
    const tracker = new SaveTracker();
    tracker.localChange(); // typed while offline
    tracker.socketOpened();
    expect(tracker.wantsProbe()).toBe(false); // not yet sent to the server
    tracker.answerReceived(); // "synced": the server's state reached us, ours not yet it
    expect(tracker.unacknowledged).toBe(1);
    tracker.serverStateAnswered(); // our step 2 carried the offline change
    expect(tracker.wantsProbe()).toBe(true);
    tracker.probeSent();
    tracker.answerReceived();
    expect(tracker.unacknowledged).toBe(0);
  });

  it('forgets probes lost with a closed socket and keeps the changes unacknowledged', () => {
    const tracker = new SaveTracker();
    tracker.socketOpened();
    tracker.serverStateAnswered();
    tracker.answerReceived();
    tracker.localChange();
    tracker.probeSent();
    tracker.socketClosed();
    expect(tracker.unacknowledged).toBe(1);
    expect(tracker.wantsProbe()).toBe(false);

    tracker.socketOpened();
    tracker.answerReceived(); // the new handshake's answer
    expect(tracker.unacknowledged).toBe(1);
    tracker.serverStateAnswered();
    tracker.probeSent();
    tracker.answerReceived();
    expect(tracker.unacknowledged).toBe(0);
  });
});
