import PDFDocument from 'pdfkit';
import type { Language, WorkshopSummary } from '@kehittamo/shared/domain';

/** The summary's words in the reader's language (the web app's dictionaries are not on the server). */
const LABELS: Record<Language, Record<'when' | 'facilitators' | 'participants' | 'agenda' | 'minutes' | 'votes' | 'looseNotes' | 'noNotes' | 'vote' | 'exported', string>> = {
  fi: { when: 'Aika', facilitators: 'Fasilitaattorit', participants: 'Kutsuttuja', agenda: 'Ohjelma', minutes: 'min', votes: 'Äänestyksen tulokset', looseNotes: 'Kehysten ulkopuolella', noNotes: 'Ei lappuja.', vote: 'ääntä', exported: 'Viety Kehittämöstä' },
  sv: { when: 'Tid', facilitators: 'Facilitatorer', participants: 'Inbjudna', agenda: 'Program', minutes: 'min', votes: 'Röstningens resultat', looseNotes: 'Utanför ramar', noNotes: 'Inga lappar.', vote: 'röster', exported: 'Exporterad från Kehittämö' },
  en: { when: 'When', facilitators: 'Facilitators', participants: 'Invited', agenda: 'Agenda', minutes: 'min', votes: 'Vote results', looseNotes: 'Outside frames', noNotes: 'No notes.', vote: 'votes', exported: 'Exported from Kehittämö' },
};
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

function period(summary: WorkshopSummary, language: Language): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Helsinki' });
  return `${format.format(new Date(summary.workshop.startsAt))} – ${format.format(new Date(summary.workshop.endsAt))}`;
}

/** Markdown has no way to quote a line safely but to escape what it would read as markup. */
const md = (text: string): string => text.replace(/([\\`*_{}[\]()#+\-.!|>])/g, '\\$1').replace(/\n+/g, ' ');

export function summaryMarkdown(summary: WorkshopSummary, language: Language): string {
  const l = LABELS[language];
  const lines = [`# ${md(summary.workshop.title)}`, '', `- ${l.when}: ${period(summary, language)}`];
  lines.push(`- ${l.facilitators}: ${summary.workshop.facilitators.map((f) => md(f.displayName)).join(', ')}`);
  lines.push(`- ${l.participants}: ${summary.participantCount}`, '');
  if (summary.workshop.agenda.length > 0) {
    lines.push(`## ${l.agenda}`, '');
    summary.workshop.agenda.forEach((a, i) => lines.push(`${i + 1}. ${md(a.title)} (${a.minutes} ${l.minutes})`));
    lines.push('');
  }
  for (const board of summary.boards) {
    lines.push(`## ${md(board.title)}`, '');
    for (const frame of board.frames) {
      lines.push(`### ${frame.id === null ? l.looseNotes : md(frame.title)}`, '');
      if (frame.notes.length === 0) lines.push(l.noNotes);
      for (const note of frame.notes) {
        const by = note.author ? ` — ${md(note.author)}` : '';
        const votes = note.votes !== null ? ` (${note.votes} ${l.vote})` : '';
        lines.push(`- ${md(note.text)}${by}${votes}`);
      }
      lines.push('');
    }
  }
  if (summary.votes.length > 0) {
    lines.push(`## ${l.votes}`, '');
    summary.votes.forEach((v, i) => lines.push(`${i + 1}. ${md(v.text)} — ${v.votes} ${l.vote}`));
    lines.push('');
  }
  return lines.join('\n');
}

/** A4 PDF with pdfkit's standard fonts (they cover Finnish and Swedish letters). */
export function summaryPdf(summary: WorkshopSummary, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 60, right: 60 },
      pdfVersion: '1.7',
      lang: LOCALES[language],
      displayTitle: true,
      info: { Title: summary.workshop.title, Creator: 'Kehittämö' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const heading = (text: string, size: number) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#1a1a1a').text(text).moveDown(0.3);
      const body = (text: string) => doc.font('Helvetica').fontSize(10.5).fillColor('#1a1a1a').text(text, { lineGap: 2 });
      doc.font('Helvetica-Bold').fontSize(18).text(summary.workshop.title);
      body(`${l.when}: ${period(summary, language)}`);
      body(`${l.facilitators}: ${summary.workshop.facilitators.map((f) => f.displayName).join(', ')}`);
      body(`${l.participants}: ${summary.participantCount}`);
      if (summary.workshop.agenda.length > 0) {
        heading(l.agenda, 14);
        summary.workshop.agenda.forEach((a, i) => body(`${i + 1}. ${a.title} (${a.minutes} ${l.minutes})`));
      }
      for (const board of summary.boards) {
        heading(board.title, 14);
        for (const frame of board.frames) {
          heading(frame.id === null ? l.looseNotes : frame.title, 12);
          if (frame.notes.length === 0) body(l.noNotes);
          for (const note of frame.notes) {
            const by = note.author ? ` — ${note.author}` : '';
            const votes = note.votes !== null ? ` (${note.votes} ${l.vote})` : '';
            body(`• ${note.text}${by}${votes}`);
          }
        }
      }
      if (summary.votes.length > 0) {
        heading(l.votes, 14);
        summary.votes.forEach((v, i) => body(`${i + 1}. ${v.text} — ${v.votes} ${l.vote}`));
      }
      doc.moveDown(1).font('Helvetica').fontSize(8.5).fillColor('#555555').text(`${l.exported} ${new Date().toISOString().slice(0, 10)}`);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
