import type { Language, NotificationKind } from '@kehittamo/shared/domain';

/** What one e-mail paragraph says about one notification. */
export interface MailItem {
  kind: NotificationKind;
  actorName: string | null;
  targetTitle: string;
  /** Absent for private threads and facilitator-only or held comments: the mail carries only the link. */
  excerpt: string | null;
  url: string;
}

const WHAT: Record<Language, Record<NotificationKind, (actor: string) => string>> = {
  fi: {
    mention: (a) => `${a} mainitsi sinut kommentissa`,
    reply: (a) => `${a} vastasi keskusteluun, johon osallistuit`,
    outcome: (a) => `${a} kertoi, mitä kommentillesi tehtiin`,
    version: () => `Kommenttisi pohjalta tehty muutos on nyt tallennetussa versiossa`,
    resolved: (a) => `${a} merkitsi keskustelun ratkaistuksi`,
    review: () => `Kommentti odottaa tarkistustasi`,
  },
  sv: {
    mention: (a) => `${a} nämnde dig i en kommentar`,
    reply: (a) => `${a} svarade i en diskussion du deltog i`,
    outcome: (a) => `${a} berättade vad som gjordes med din kommentar`,
    version: () => `Ändringen som bygger på din kommentar finns nu i en sparad version`,
    resolved: (a) => `${a} markerade diskussionen som löst`,
    review: () => `En kommentar väntar på din granskning`,
  },
  en: {
    mention: (a) => `${a} mentioned you in a comment`,
    reply: (a) => `${a} replied in a discussion you took part in`,
    outcome: (a) => `${a} told what was done with your comment`,
    version: () => `The change based on your comment is now in a saved version`,
    resolved: (a) => `${a} marked the discussion resolved`,
    review: () => `A comment is waiting for your review`,
  },
};

const TEXT: Record<Language, { someone: string; subjectOne: string; subjectDigest: (n: number) => string; open: string; footer: string }> = {
  fi: {
    someone: 'Joku',
    subjectOne: 'Kehittämö: uusi ilmoitus',
    subjectDigest: (n) => `Kehittämö: ${n} uutta ilmoitusta`,
    open: 'Avaa',
    footer: 'Voit muuttaa sähköposti-ilmoitusten asetuksia Kehittämön Saapuneet-sivulla:',
  },
  sv: {
    someone: 'Någon',
    subjectOne: 'Kehittämö: ny avisering',
    subjectDigest: (n) => `Kehittämö: ${n} nya aviseringar`,
    open: 'Öppna',
    footer: 'Du kan ändra inställningarna för e-postaviseringar på sidan Inkorg i Kehittämö:',
  },
  en: {
    someone: 'Someone',
    subjectOne: 'Kehittämö: new notification',
    subjectDigest: (n) => `Kehittämö: ${n} new notifications`,
    open: 'Open',
    footer: 'You can change your e-mail notification settings on the Inbox page of Kehittämö:',
  },
};

function itemText(language: Language, item: MailItem): string {
  const t = TEXT[language];
  const lines = [`${WHAT[language][item.kind](item.actorName ?? t.someone)}: ${item.targetTitle}`];
  if (item.excerpt) lines.push(`“${item.excerpt}”`);
  lines.push(`${t.open}: ${item.url}`);
  return lines.join('\n');
}

/** The e-mail for one notification (immediate) or several (daily digest), in the reader's language. */
export function notificationMail(language: Language, items: MailItem[], inboxUrl: string): { subject: string; text: string } {
  const t = TEXT[language];
  const subject = items.length === 1 ? t.subjectOne : t.subjectDigest(items.length);
  const text = [...items.map((item) => itemText(language, item)), `${t.footer}\n${inboxUrl}`].join('\n\n');
  return { subject, text };
}
