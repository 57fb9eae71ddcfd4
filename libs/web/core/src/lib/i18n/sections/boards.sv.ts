import type { boardsFi } from './boards.fi';

export const boardsSv: typeof boardsFi = {
  board: {
    title: 'Tavla',
    backToSpace: 'Tillbaka till arbetsytan',
    notes: 'Gemensamma anteckningar',
    notesHint: 'Ändringarna sparas automatiskt och syns genast för andra.',
    readOnlyView: 'Du har visningsbehörighet: du kan läsa anteckningarna men inte ändra dem.',
    readOnlyComment: 'Du har kommentarsbehörighet: du kan läsa anteckningarna men inte ändra dem.',
    notFound: 'Tavlan hittades inte, eller så har du inte tillgång till den.',
  },
  boards: {
    heading: 'Tavlor',
    none: 'Arbetsytan har inga tavlor ännu.',
    createHeading: 'Skapa en ny tavla',
    titleField: 'Tavlans namn',
    create: 'Skapa tavla',
    created: 'Tavlan {title} har skapats.',
  },
};
