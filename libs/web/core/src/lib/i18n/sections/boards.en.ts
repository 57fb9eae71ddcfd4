import type { boardsFi } from './boards.fi';

export const boardsEn: typeof boardsFi = {
  board: {
    title: 'Board',
    backToSpace: 'Back to the space',
    notes: 'Shared notes',
    notesHint: 'Changes are saved automatically and others see them at once.',
    readOnlyView: 'You have view access: you can read the notes but not change them.',
    readOnlyComment: 'You have comment access: you can read the notes but not change them.',
    notFound: 'The board was not found, or you do not have access to it.',
  },
  boards: {
    heading: 'Boards',
    none: 'This space has no boards yet.',
    createHeading: 'Create a new board',
    titleField: 'Name of the board',
    create: 'Create board',
    created: 'The board {title} has been created.',
  },
};
