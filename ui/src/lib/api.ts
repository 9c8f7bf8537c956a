// The UI's one doorway to the application: every screen calls these functions, nothing else
// imports @tauri-apps/api. Component tests replace this module.
import { invoke } from '@tauri-apps/api/core';
import type {
  ApiError, CouncilView, NominationInput, NominationView, OverviewView, RefusalView, SearchHitView, UnitView,
} from './bindings';

export type { ApiError };

function asApiError(e: unknown): ApiError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as ApiError;
  return { code: 'unexpected', message: `Đã xảy ra lỗi không mong đợi: ${String(e)}`, field: null };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const api = {
  overview: () => call<OverviewView | null>('overview'),
  loadExample: () => call<void>('load_example'),
  units: () => call<UnitView[]>('units'),
  nominations: () => call<NominationView[]>('nominations'),
  checkNomination: (input: NominationInput) => call<RefusalView[]>('check_nomination', { input }),
  addNomination: (input: NominationInput) => call<NominationView>('add_nomination', { input }),
  importNominations: (path: string) => call<number>('import_nominations', { path }),
  accept: (id: number) => call<void>('accept', { id }),
  refuse: (id: number, reason: string, note: string) => call<void>('refuse', { id, reason, note }),
  acceptAll: () => call<number>('accept_all'),
  search: (text: string) => call<SearchHitView[]>('search', { text }),
  council: () => call<CouncilView>('council'),
  addMember: (name: string, role: string, position: string | null) => call<void>('add_member', { name, role, position }),
  openMeeting: (date: string, place: string | null, present: number[]) => call<void>('open_meeting', { date, place, present }),
  closeMeeting: () => call<void>('close_meeting'),
  setScore: (memberId: number, nominationId: number, criterion: number, points: string) =>
    call<void>('set_score', { memberId, nominationId, criterion, points }),
  recordVotes: (nominationId: number, agree: number, disagree: number, blank: number) =>
    call<void>('record_votes', { nominationId, agree, disagree, blank }),
  shortlistAdd: (nominationId: number, reason: string | null) => call<void>('shortlist_add', { nominationId, reason }),
  shortlistRemove: (nominationId: number) => call<void>('shortlist_remove', { nominationId }),
  pickFile: async (): Promise<string | null> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: false, filters: [{ name: 'Bảng tính', extensions: ['csv', 'xlsx', 'xls', 'ods'] }] });
    return typeof r === 'string' ? r : null;
  },
};

export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
