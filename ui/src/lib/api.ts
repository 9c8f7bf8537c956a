// The UI's one doorway to the application: every screen calls these functions, nothing else
// imports @tauri-apps/api. Component tests replace this module.
import { Channel, invoke } from '@tauri-apps/api/core';
import { commands } from './bindings';
import type {
  ApiError, CouncilRole, DocumentKind, Reason, UnitKind, AttachmentView, AuditLineView, CampaignSummaryView, NextCampaignInput, OperatorView, BackupView, CouncilView, PrintDone, PrinterView, PrintProgress, PrintRequest, DataFolderView, DecisionView, DocumentFile, OffsetView, SettingsView, NominationInput, NominationView, OverviewView, RefusalView, SearchHitView, UnitView,
} from './bindings';

export type { ApiError, CouncilRole, DocumentKind, Reason, UnitKind };

function asApiError(e: unknown): ApiError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as ApiError;
  return { code: 'unexpected', message: `Đã xảy ra lỗi không mong đợi: ${String(e)}`, field: null };
}

/** A generated command's promise, its rejection turned into an ApiError. */
async function call<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (e) {
    throw asApiError(e);
  }
}

export const api = {
  overview: () => call(commands.overview()),
  firstScreen: () => call(commands.firstScreen()),
  loadExample: () => call(commands.loadExample()),
  campaigns: () => call(commands.campaigns()),
  currentCampaignName: () => call(commands.currentCampaignName()),
  useCampaign: (code: string) => call(commands.useCampaign(code)),
  importDefinition: (path: string) => call(commands.importDefinition(path)),
  startNextCampaign: (input: NextCampaignInput) => call(commands.startNextCampaign(input)),
  exportExchange: (path: string) => call(commands.exportExchange(path)),
  importExchange: (path: string) => call(commands.importExchange(path)),
  exportSpreadsheet: (path: string) => call(commands.exportSpreadsheet(path)),
  units: () => call(commands.units()),
  addUnit: (name: string, kind: UnitKind) => call(commands.addUnit(name, kind)),
  updateUnit: (id: number, name: string, kind: UnitKind) => call(commands.updateUnit(id, name, kind)),
  removeUnit: (id: number) => call(commands.removeUnit(id)),
  nominations: () => call(commands.nominations()),
  checkNomination: (input: NominationInput, id: number | null = null) => call(commands.checkNomination(input, id)),
  correctNomination: (id: number, input: NominationInput) => call(commands.correctNomination(id, input)),
  addNomination: (input: NominationInput) => call(commands.addNomination(input)),
  // titleCase: null asks (the file is refused when names are typed in one case), true takes the
  // offered forms, false keeps the names as the file has them.
  importNominations: (path: string, titleCase: boolean | null = null) => call(commands.importNominations(path, titleCase)),
  nameOffers: (path: string) => call(commands.nameOffers(path)),
  nameOffer: (name: string) => call(commands.nameOffer(name)),
  accept: (id: number) => call(commands.accept(id)),
  refuse: (id: number, reason: Reason, note: string) => call(commands.refuse(id, reason, note)),
  acceptAll: () => call(commands.acceptAll()),
  reopen: (id: number) => call(commands.reopen(id)),
  search: (text: string) => call(commands.search(text)),
  auditLog: (nomination: number | null) => call(commands.auditLog(nomination)),
  council: () => call(commands.council()),
  addMember: (name: string, role: CouncilRole, position: string | null) => call(commands.addMember(name, role, position)),
  updateMember: (id: number, name: string, role: CouncilRole, position: string | null) =>
    call(commands.updateMember(id, name, role, position)),
  removeMember: (id: number) => call(commands.removeMember(id)),
  openMeeting: (date: string, start: string | null, place: string | null, present: number[]) =>
    call(commands.openMeeting(date, start, place, present)),
  closeMeeting: (end: string | null) => call(commands.closeMeeting(end)),
  importScores: (path: string) => call(commands.importScores(path)),
  setScore: (memberId: number, nominationId: number, criterion: number, points: string) =>
    call(commands.setScore(memberId, nominationId, criterion, points)),
  recordVotes: (nominationId: number, agree: number, disagree: number, blank: number) =>
    call(commands.recordVotes(nominationId, agree, disagree, blank)),
  shortlistAdd: (nominationId: number, reason: string | null) => call(commands.shortlistAdd(nominationId, reason)),
  shortlistRemove: (nominationId: number) => call(commands.shortlistRemove(nominationId)),
  decision: () => call(commands.decision()),
  setDecision: (number: number, date: string, signerName: string, signerTitle: string) =>
    call(commands.setDecision(number, date, signerName, signerTitle)),
  renderDocument: (kind: DocumentKind, preprinted: boolean) => call(commands.renderDocument(kind, preprinted)),
  // Raw PDF bytes, not JSON: the one command outside the generated bindings.
  documentBytes: (path: string) => call(invoke<ArrayBuffer>('document_bytes', { path })),
  openDocument: (path: string) => call(commands.openDocument(path)),
  certificateOffsets: () => call(commands.certificateOffsets()),
  setCertificateOffset: (field: string, dx: number, dy: number) => call(commands.setCertificateOffset(field, dx, dy)),
  settings: () => call(commands.settings()),
  saveSettings: (input: SettingsView) => call(commands.saveSettings(input)),
  dataFolder: () => call(commands.dataFolder()),
  operator: () => call(commands.operator()),
  setOperator: (name: string) => call(commands.setOperator(name)),
  printers: () => call(commands.printers()),
  printNotice: (kind: DocumentKind, printer: string, media: string | null) => call(commands.printNotice(kind, printer, media)),
  printDocument: (request: PrintRequest, progress: (p: PrintProgress) => void) => {
    const onProgress = new Channel<PrintProgress>();
    onProgress.onmessage = progress;
    return call(commands.printDocument(request, onProgress));
  },
  attachments: (nominationId: number) => call(commands.attachments(nominationId)),
  attachFiles: (nominationId: number, paths: string[]) => call(commands.attachFiles(nominationId, paths)),
  openAttachment: (id: number) => call(commands.openAttachment(id)),
  pickScans: async (): Promise<string[]> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: true, filters: [{ name: 'Bản quét hồ sơ', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx'] }] });
    return Array.isArray(r) ? r : typeof r === 'string' ? [r] : [];
  },
  backups: () => call(commands.backups()),
  backupTo: (path: string) => call(commands.backupTo(path)),
  restore: (path: string | null) => call(commands.restore(path)),
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
  pickPicture: async (): Promise<string | null> => {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const r = await open({ multiple: false, filters: [{ name: 'Ảnh PNG', extensions: ['png'] }] });
    return typeof r === 'string' ? r : null;
  },
  setEmblem: (path: string) => call(commands.setEmblem(path)),
  roomAddresses: () => commands.roomAddresses(),
  room: () => commands.room(),
  openRoom: (address: string) => call(commands.openRoom(address)),
  closeRoom: () => call(commands.closeRoom()),
  lockSheets: () => call(commands.lockSheets()),
  showResults: (shown: boolean) => call(commands.showResults(shown)),
  setDisagreement: (points: string) => call(commands.setDisagreement(points)),
  recusals: () => call(commands.recusals()),
  setRecusal: (member: number, nomination: number, recused: boolean) => call(commands.setRecusal(member, nomination, recused)),
  clearEmblem: () => call(commands.clearEmblem()),
  setCertificateSize: (size: string) => call(commands.setCertificateSize(size)),
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
