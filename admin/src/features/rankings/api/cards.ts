/** 预黄牌一览: every pre-yellow card in the caller's jurisdiction, newest first, withdrawn ones marked. */
import type { CardPage } from '@jiandu/shared/api';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const CARD_FILTERS = ['unitId', 'quarter', 'state'] as const;
export type CardFilters = Partial<Record<(typeof CARD_FILTERS)[number], string>>;

export const useCards = (f: CardFilters) =>
  useCursorList(['cards', 'list', f] as const, (cursor, signal) =>
    api.get<CardPage>(`${API}/cards`, { ...f, cursor, limit: 100 }, signal),
  );
