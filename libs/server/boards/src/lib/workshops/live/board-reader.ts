import { Injectable } from '@nestjs/common';
import { CollabDocuments } from '@kehittamo/server/data-access';
import { readBoard } from '@kehittamo/shared/board-content';
import type { BoardItem } from '@kehittamo/shared/domain';
import * as Y from 'yjs';

/** How long a read board is reused: a burst of votes reads the board once, not once per vote. */
const FRESH_MS = 1000;

/** Boards' current items as the server sees them (votes must be on real notes of the voted frame). */
@Injectable()
export class BoardReader {
  private readonly cache = new Map<string, { at: number; items: Promise<BoardItem[]> }>();

  constructor(private readonly documents: CollabDocuments) {}

  items(docName: string): Promise<BoardItem[]> {
    const cached = this.cache.get(docName);
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.items;
    const items = this.documents.readState(docName).then((state) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return readBoard(doc);
    });
    items.catch(() => this.cache.delete(docName));
    this.cache.set(docName, { at: Date.now(), items });
    if (this.cache.size > 200) this.cache.delete(this.cache.keys().next().value as string);
    return items;
  }

  /** After the server itself changed a board. */
  forget(docName: string): void {
    this.cache.delete(docName);
  }
}
