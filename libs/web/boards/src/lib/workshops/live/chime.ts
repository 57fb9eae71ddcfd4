import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';

const MUTE_KEY = 'kehittamo.workshopChimeMuted';

/**
 * The timer's end sound: three soft tones made with WebAudio (no audio file to load).
 * Browsers only allow sound after the user has interacted with the page, so the audio
 * context is created on the first key press or touch. The mute choice is remembered on
 * this device.
 */
@Injectable()
export class Chime {
  private readonly document = inject(DOCUMENT);
  private context: AudioContext | null = null;
  readonly muted = signal(this.storedMuted());

  constructor() {
    const unlock = () => this.unlock();
    const events = ['pointerdown', 'keydown'] as const;
    for (const event of events) this.document.addEventListener(event, unlock, { capture: true });
    inject(DestroyRef).onDestroy(() => {
      for (const event of events) this.document.removeEventListener(event, unlock, { capture: true });
      void this.context?.close();
      this.context = null;
    });
  }

  setMuted(muted: boolean): void {
    this.muted.set(muted);
    try {
      this.document.defaultView?.localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
    } catch {
      // Not remembering the choice is acceptable.
    }
  }

  play(): void {
    const context = this.context;
    if (this.muted() || !context) return;
    const start = context.currentTime + 0.05;
    [660, 880, 990].forEach((frequency, i) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + i * 0.35;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.65);
    });
  }

  private unlock(): void {
    const AudioContextClass = this.document.defaultView?.AudioContext;
    if (!AudioContextClass) return;
    try {
      this.context ??= new AudioContextClass();
      if (this.context.state === 'suspended') void this.context.resume();
    } catch {
      // No sound on this device; the visual end state remains.
    }
  }

  private storedMuted(): boolean {
    try {
      return this.document.defaultView?.localStorage.getItem(MUTE_KEY) === '1';
    } catch {
      return false;
    }
  }
}
