// The UI's one doorway to the application: every screen calls these functions, nothing else
// imports @tauri-apps/api. Component tests replace this module.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  ApiError, AttachmentView, AuditLineView, CampaignSummaryView, NextCampaignInput, OperatorView, BackupView, CouncilView, PrintDone, PrinterView, PrintProgress, PrintRequest, DataFolderView, DecisionView, DocumentFile, OffsetView, SettingsView, NominationInput, NominationView, OverviewView, RefusalView, SearchHitView, UnitView,
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
  campaigns: () => call<CampaignSummaryView[]>('campaigns'),
  currentCampaignName: () => call<string | null>('current_campaign_name'),
  useCampaign: (code: string) => call<void>('use_campaign', { code }),
  importDefinition: (path: string) => call<string>('import_definition', { path }),
  startNextCampaign: (input: NextCampaignInput) => call<string>('start_next_campaign', { input }),
  exportExchange: (path: string) => call<void>('export_exchange', { path }),
  importExchange: (path: string) => call<string>('import_exchange', { path }),
  exportSpreadsheet: (path: string) => call<void>('export_spreadsheet', { path }),
  units: () => call<UnitView[]>('units'),
  addUnit: (name: string, kind: string) => call<void>('add_unit', { name, kind }),
  updateUnit: (id: number, name: string, kind: string) => call<void>('update_unit', { id, name, kind }),
  removeUnit: (id: number) => call<void>('remove_unit', { id }),
  nominations: () => call<NominationView[]>('nominations'),
  checkNomination: (input: NominationInput, id: number | null = null) => call<RefusalView[]>('check_nomination', { input, id }),
  correctNomination: (id: number, input: NominationInput) => call<NominationView>('correct_nomination', { id, input }),
  addNomination: (input: NominationInput) => call<NominationView>('add_nomination', { input }),
  importNominations: (path: string) => call<number>('import_nominations', { path }),
  accept: (id: number) => call<void>('accept', { id }),
  refuse: (id: number, reason: string, note: string) => call<void>('refuse', { id, reason, note }),
  acceptAll: () => call<number>('accept_all'),
  reopen: (id: number) => call<void>('reopen', { id }),
  search: (text: string) => call<SearchHitView[]>('search', { text }),
  auditLog: (nomination: number | null) => call<AuditLineView[]>('audit_log', { nomination }),
  council: () => call<CouncilView>('council'),
  addMember: (name: string, role: string, position: string | null) => call<void>('add_member', { name, role, position }),
  updateMember: (id: number, name: string, role: string, position: string | null) =>
    call<void>('update_member', { id, name, role, position }),
  removeMember: (id: number) => call<void>('remove_member', { id }),
  openMeeting: (date: string, start: string | null, place: string | null, present: number[]) =>
    call<void>('open_meeting', { date, start, place, present }),
  closeMeeting: (end: string | null) => call<void>('close_meeting', { end }),
  importScores: (path: string) => call<string[]>('import_scores', { path }),
  setScore: (memberId: number, nominationId: number, criterion: number, points: string) =>
    call<void>('set_score', { memberId, nominationId, criterion, points }),
  recordVotes: (nominationId: number, agree: number, disagree: number, blank: number) =>
    call<void>('record_votes', { nominationId, agree, disagree, blank }),
  shortlistAdd: (nominationId: number, reason: string | null) => call<void>('shortlist_add', { nominationId, reason }),
  shortlistRemove: (nominationId: number) => call<void>('shortlist_remove', { nominationId }),
  decision: () => call<DecisionView>('decision'),
  setDecision: (number: number, date: string, signerName: string, signerTitle: string) =>
    call<void>('set_decision', { number, date, signerName, signerTitle }),
  renderDocument: (kind: string, preprinted: boolean) => call<DocumentFile>('render_document', { kind, preprinted }),
  documentBytes: (path: string) => call<ArrayBuffer>('document_bytes', { path }),
  openDocument: (path: string) => call<void>('open_document', { path }),
  certificateOffsets: () => call<OffsetView[]>('certificate_offsets'),
  setCertificateOffset: (field: string, dx: number, dy: number) => call<void>('set_certificate_offset', { field, dx, dy }),
  settings: () => call<SettingsView>('settings'),
  saveSettings: (input: SettingsView) => call<void>('save_settings', { input }),
  dataFolder: () => call<DataFolderView>('data_folder'),
  operator: () => call<OperatorView>('operator'),
  setOperator: (name: string) => call<void>('set_operator', { name }),
  printers: () => call<PrinterView[]>('printers'),
  printDocument: (request: PrintRequest, progress: (p: PrintProgress) => void) => {
    const onProgress = new Channel<PrintProgress>();
    onProgress.onmessage = progress;
    return call<PrintDone>('print_document', { request, onProgress });
  },
  attachments: (nominationId: number) => call<AttachmentView[]>('attachments', { nominationId }),
  attachFiles: (nominationId: number, paths: string[]) => call<number>('attach_files', { nominationId, paths }),
  openAttachment: (id: number) => call<void>('open_attachment', { id }),
  pickScans: async (): Promise<string[]> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: true, filters: [{ name: 'Bản quét hồ sơ', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx'] }] });
    return Array.isArray(r) ? r : typeof r === 'string' ? [r] : [];
  },
  backups: () => call<BackupView[]>('backups'),
  backupTo: (path: string) => call<void>('backup_to', { path }),
  restore: (path: string | null) => call<void>('restore', { path }),
  pickDatabase: async (): Promise<string | null> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: false, filters: [{ name: 'Bản sao lưu Thi đua', extensions: ['sqlite3', 'db', 'bak'] }] });
    return typeof r === 'string' ? r : null;
  },
  pickBackupTarget: async (suggested: string): Promise<string | null> => {
    const { save } = await import('@tauri-apps/plugin-dialog');
    return (await save({ defaultPath: suggested, filters: [{ name: 'Bản sao lưu Thi đua', extensions: ['sqlite3'] }] })) ?? null;
  },
  confirm: async (message: string): Promise<boolean> => {
    const { ask } = await import('@tauri-apps/plugin-dialog');
    return ask(message, { title: 'Thi đua', kind: 'warning' });
  },
  pickOpen: async (name: string, extensions: string[]): Promise<string | null> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: false, filters: [{ name, extensions }] });
    return typeof r === 'string' ? r : null;
  },
  pickSave: async (name: string, extension: string, suggested: string): Promise<string | null> => {
    const { save } = await import('@tauri-apps/plugin-dialog');
    return (await save({ defaultPath: suggested, filters: [{ name, extensions: [extension] }] })) ?? null;
  },
  pickFile: async (): Promise<string | null> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: false, filters: [{ name: 'Bảng tính', extensions: ['csv', 'xlsx', 'xls', 'ods'] }] });
    return typeof r === 'string' ? r : null;
  },
};

export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "10/01/2024" (as Vietnamese write dates) → "2024-01-10"; null when it is not a real date. */
export function isoDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2024-01-10" → "10/01/2024". */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d && m && y ? `${d}/${m}/${y}` : '';
}
