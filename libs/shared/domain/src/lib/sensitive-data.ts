import type { SensitiveFinding } from './comments';

/** Finds identifying details in text. IMPLEMENTATION PENDING (helper A). */
export function findSensitiveData(text: string): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) findings.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  return findings;
}
