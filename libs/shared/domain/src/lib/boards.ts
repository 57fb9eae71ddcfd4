import type { IsoDateTime } from './contracts';
import type { Language } from './roles';

/**
 * Shared boards. A board's content is the Yjs document `board.<uuid>`:
 *
 * - root Y.Map `items`: every item by its id, each a Y.Map with the keys of {@link BoardItem}
 *   (`text` is a Y.Text so two people can type in one note); nothing else at the root.
 *
 * Author ids are never in the document: a note carries its author's display name in `author`,
 * and not even that while the board is anonymous. Votes, private notes and live state are kept
 * by the server, not in the document.
 */
export const BOARD_DOC_ROOTS = { items: 'items' } as const;

export const BOARD_ITEM_TYPES = ['note', 'text', 'frame', 'connector'] as const;
export type BoardItemType = (typeof BOARD_ITEM_TYPES)[number];

/** Sticky-note colours (names, not hex: the web theme maps each to AA-contrast colours). */
export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple', 'grey'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

/** One item as plain data (what {@link BoardItem} reads from its Y.Map). */
export interface BoardItem {
  id: string;
  type: BoardItemType;
  /** Top-left corner and size on the canvas, in canvas units (1 unit = 1 CSS pixel at 100 %). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Notes and text blocks: their text. Frames: their name. Connectors: a label ('' for none). */
  text: string;
  /** Notes only. */
  colour?: NoteColour;
  /** The frame a note or text block belongs to (null: on the open canvas). */
  frame: string | null;
  /** Order among siblings in the outline (frames among frames, items within a frame). */
  order: number;
  /** Stacking on the canvas: higher is on top. */
  z: number;
  /** Author's display name; absent on anonymous boards and for template content. */
  author?: string;
  /** Connectors: the items they join. */
  from?: string;
  to?: string;
  createdAt: number;
}

export const BOARD_LIMITS = {
  /** Items on one board (500 is the smooth-editing target; this is the hard stop). */
  items: 3000,
  noteText: 1000,
  frameTitle: 200,
  /** Canvas coordinates stay within ±canvasExtent. */
  canvasExtent: 100_000,
  templateName: 120,
} as const;

/** Default sizes of new items. */
export const BOARD_ITEM_DEFAULTS: Record<BoardItemType, { w: number; h: number }> = {
  note: { w: 200, h: 140 },
  text: { w: 280, h: 80 },
  frame: { w: 880, h: 640 },
  connector: { w: 0, h: 0 },
};

export interface CreateBoardRequest {
  spaceId: string;
  title: string;
  /** A built-in template key or a saved template's id; default `empty`. */
  templateId?: string;
  /** Notes carry no author name (default false). */
  anonymous?: boolean;
}

export interface UpdateBoardRequest {
  title?: string;
  anonymous?: boolean;
}

/** A shared board; its content is the Yjs document `doc` (`board.<uuid>`). */
export interface Board {
  id: string;
  spaceId: string;
  title: string;
  doc: string;
  anonymous: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

// ---------- templates ----------

/** Built-in templates; their frame names are written in the language of whoever creates the board. */
export const BUILT_IN_TEMPLATE_KEYS = ['empty', 'support', 'start-stop-continue', 'swot', 'journey'] as const;
export type BuiltInTemplateKey = (typeof BUILT_IN_TEMPLATE_KEYS)[number];

/** What a template puts on a new board: frames and text blocks (never notes with authors). */
export interface TemplateItem {
  type: 'frame' | 'text' | 'note';
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  colour?: NoteColour;
  /** Index of the frame in `items` this item belongs to. */
  frameIndex?: number;
}

export interface BoardTemplate {
  /** A built-in key (`swot`) or a saved template's uuid. */
  id: string;
  builtIn: boolean;
  /** Saved templates: their name. Built-ins: null (the web app names them by key). */
  name: string | null;
  /** Frame names, in the reader's language for built-ins: a preview. */
  frames: string[];
  createdAt: IsoDateTime | null;
}

export interface SaveBoardTemplateRequest {
  boardId: string;
  name: string;
}

type Localised = Record<Language, string>;

/** A built-in template's frames as a 2-column grid, in reading order. */
function grid(titles: Localised[], columns: number): { title: Localised; x: number; y: number }[] {
  const { w, h } = BOARD_ITEM_DEFAULTS.frame;
  return titles.map((title, i) => ({ title, x: (i % columns) * (w + 80), y: Math.floor(i / columns) * (h + 80) }));
}

const FRAMES: Record<BuiltInTemplateKey, { title: Localised; x: number; y: number }[]> = {
  empty: [],
  support: grid(
    [
      { fi: 'Mitä tukea?', sv: 'Vilket stöd?', en: 'What support?' },
      { fi: 'Milloin?', sv: 'När?', en: 'When?' },
      { fi: 'Missä?', sv: 'Var?', en: 'Where?' },
      { fi: 'Kuka?', sv: 'Vem?', en: 'Who?' },
    ],
    2,
  ),
  'start-stop-continue': grid(
    [
      { fi: 'Aloitetaan', sv: 'Börja', en: 'Start' },
      { fi: 'Lopetetaan', sv: 'Sluta', en: 'Stop' },
      { fi: 'Jatketaan', sv: 'Fortsätt', en: 'Continue' },
    ],
    3,
  ),
  swot: grid(
    [
      { fi: 'Vahvuudet', sv: 'Styrkor', en: 'Strengths' },
      { fi: 'Heikkoudet', sv: 'Svagheter', en: 'Weaknesses' },
      { fi: 'Mahdollisuudet', sv: 'Möjligheter', en: 'Opportunities' },
      { fi: 'Uhat', sv: 'Hot', en: 'Threats' },
    ],
    2,
  ),
  journey: grid(
    [
      { fi: '1. Ennen yhteydenottoa', sv: '1. Före kontakten', en: '1. Before contact' },
      { fi: '2. Ensimmäinen tapaaminen', sv: '2. Första mötet', en: '2. First meeting' },
      { fi: '3. Tuen aikana', sv: '3. Under stödet', en: '3. During support' },
      { fi: '4. Tuen päättyessä', sv: '4. När stödet avslutas', en: '4. When support ends' },
      { fi: '5. Jälkeenpäin', sv: '5. Efteråt', en: '5. Afterwards' },
    ],
    5,
  ),
};

/** A built-in template's items in one language. */
export function builtInTemplateItems(key: BuiltInTemplateKey, language: Language): TemplateItem[] {
  const { w, h } = BOARD_ITEM_DEFAULTS.frame;
  return FRAMES[key].map(({ title, x, y }) => ({ type: 'frame', x, y, w, h, text: title[language] }));
}

export const isBuiltInTemplateKey = (value: string): value is BuiltInTemplateKey =>
  (BUILT_IN_TEMPLATE_KEYS as readonly string[]).includes(value);
