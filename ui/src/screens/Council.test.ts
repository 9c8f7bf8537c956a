import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const api = vi.hoisted(() => ({
  council: vi.fn(), overview: vi.fn(), openMeeting: vi.fn(), importScores: vi.fn(), pickOpen: vi.fn(), addMember: vi.fn(), updateMember: vi.fn(), removeMember: vi.fn(), confirm: vi.fn(),
  recusals: vi.fn(async (): Promise<unknown[]> => []), setRecusal: vi.fn(), room: vi.fn(async () => null), roomAddresses: vi.fn(async () => []),
}));
vi.mock('../lib/api', async () => {
  const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
  return { api, isoDate: real.isoDate, viDate: real.viDate };
});

import Council from './Council.svelte';

const member = (id: number, name: string, role: string, role_label: string, position: string | null = null) =>
  ({ id, name, role, role_label, position });
const view = (members: ReturnType<typeof member>[]) =>
  ({ members, meeting: null, nominees: [], scores: [], sheets: [], ranking: [], shortlist: [], shortlist_max: 3 });
const overview = { campaign: { collective_criteria: [], individual_criteria: [] } };

describe('the council members', () => {
  it('corrects a member in the form and takes one who left off the council after asking', async () => {
    const before = [member(1, 'Hà Kim Oanh', 'chair', 'Chủ tịch Hội đồng'), member(2, 'Lý Thị Hăng', 'member', 'Ủy viên', 'Kế toán')];
    api.council.mockResolvedValueOnce(view(before)).mockResolvedValue(view([before[0]]));
    api.overview.mockResolvedValue(overview);
    api.updateMember.mockResolvedValue(undefined);
    api.confirm.mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    api.removeMember.mockResolvedValue(undefined);
    render(Council);
    await fireEvent.click(await screen.findByTestId('member-edit-2'));
    expect((screen.getByTestId('member-name') as HTMLInputElement).value).toBe('Lý Thị Hăng');
    expect(screen.getByTestId('member-add').textContent).toBe('Lưu sửa đổi');
    await fireEvent.input(screen.getByTestId('member-name'), { target: { value: 'Lý Thị Hằng' } });
    await fireEvent.change(screen.getByTestId('member-role'), { target: { value: 'secretary_member' } });
    await fireEvent.click(screen.getByTestId('member-add'));
    await waitFor(() => expect(api.updateMember).toHaveBeenCalledWith(2, 'Lý Thị Hằng', 'secretary_member', 'Kế toán'));
    expect(api.addMember).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('member-add').textContent).toBe('Thêm thành viên'));

    await fireEvent.click(screen.getByTestId('member-remove-1'));
    await waitFor(() => expect(api.confirm).toHaveBeenCalledTimes(1));
    expect(api.removeMember).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('member-remove-1'));
    await waitFor(() => expect(api.removeMember).toHaveBeenCalledWith(1));
    expect(api.confirm.mock.calls[1][0]).toContain('Bỏ Hà Kim Oanh khỏi Hội đồng');
  });
});

describe('the council meeting', () => {
  it('opens with the hour it starts, for the minutes, and the members ticked present', async () => {
    const members = [member(1, 'Hà Kim Oanh', 'chair', 'Chủ tịch Hội đồng'), member(2, 'Lý Thị Hằng', 'secretary_member', 'Ủy viên thư ký')];
    api.council.mockReset();
    api.council.mockResolvedValue(view(members));
    api.overview.mockResolvedValue(overview);
    api.openMeeting.mockResolvedValue(undefined);
    render(Council);
    await fireEvent.input(await screen.findByTestId('meeting-start'), { target: { value: '08:30' } });
    await fireEvent.click(screen.getByTestId('present-2'));
    await fireEvent.click(screen.getByTestId('open-meeting'));
    const today = new Date().toISOString().slice(0, 10);
    await waitFor(() => expect(api.openMeeting).toHaveBeenCalledWith(today, '08:30', null, [1]));
  });
});

describe('scoring by phone', () => {
  it('refreshes the sheets as they arrive without wiping the hour the secretary is typing', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const members = [member(1, 'Hà Kim Oanh', 'chair', 'Chủ tịch Hội đồng')];
      const meeting = { date: '2024-01-08', date_text: '08/01/2024', start: '14:00', place: null, present: [1], members: 1, needed: 1, quorum_met: true, open: true, sheets_locked: false, results_shown: false };
      api.council.mockReset();
      api.council.mockResolvedValue({ ...view(members), meeting });
      api.overview.mockResolvedValue(overview);
      api.room.mockResolvedValue({ address: '192.168.1.10:49152', links: [] } as never);
      render(Council);
      const end = (await screen.findByTestId('meeting-end')) as HTMLInputElement;
      await fireEvent.input(end, { target: { value: '16:3' } });
      const calls = api.council.mock.calls.length;
      await vi.advanceTimersByTimeAsync(3000);
      await waitFor(() => expect(api.council.mock.calls.length).toBeGreaterThan(calls));
      expect(end.value).toBe('16:3');
    } finally {
      api.room.mockResolvedValue(null as never);
      vi.useRealTimers();
    }
  });
});

describe('scores typed into a spreadsheet', () => {
  it('are imported in the open meeting and each member sheet is reported', async () => {
    const members = [member(1, 'Hà Kim Oanh', 'chair', 'Chủ tịch Hội đồng'), member(2, 'Lý Thị Hằng', 'secretary_member', 'Ủy viên thư ký')];
    const meeting = { date: '2024-01-08', date_text: '08/01/2024', start: '14:00', place: null, present: [1, 2], members: 2, needed: 2, quorum_met: true, open: true };
    api.council.mockReset();
    api.council.mockResolvedValue({ ...view(members), meeting });
    api.overview.mockResolvedValue(overview);
    api.pickOpen.mockResolvedValue('/usb/diem.xlsx');
    api.importScores.mockResolvedValue(['Hà Kim Oanh: phiếu chấm đủ.', 'Lý Thị Hằng: phiếu chấm còn thiếu 2 ô (hồ sơ 4 tiêu chí 1, hồ sơ 4 tiêu chí 2) – chưa được tính.']);
    render(Council);
    expect((await screen.findByTestId('quorum')).textContent).toContain('bắt đầu lúc 14:00');
    await fireEvent.click(screen.getByTestId('import-scores'));
    await waitFor(() => expect(screen.getByTestId('imported-scores').textContent).toContain('Lý Thị Hằng: phiếu chấm còn thiếu 2 ô'));
    expect(api.importScores).toHaveBeenCalledWith('/usb/diem.xlsx');
    expect(api.pickOpen).toHaveBeenCalledWith('Bảng điểm', ['csv', 'xlsx']);
  });
});

describe('recusals on the council screen', () => {
  it('lists a recusal found from a position, clears it, and marks another', async () => {
    const members = [member(1, 'Hà Kim Oanh', 'chair', 'Chủ tịch Hội đồng'), member(2, 'Lương Văn Tú', 'member', 'Ủy viên', 'Trưởng phòng Tài chính - Kế hoạch')];
    const nominee = (id: number, name: string) => ({ id, name }) as never;
    api.council.mockResolvedValue({ ...view(members), nominees: [nominee(4, 'Phòng Tài chính - Kế hoạch'), nominee(9, 'Triệu Thị Yến')] });
    api.overview.mockResolvedValue(overview);
    api.recusals.mockResolvedValue([{ member_id: 2, member: 'Lương Văn Tú', nomination_id: 4, nominee: 'Phòng Tài chính - Kế hoạch', unit: 'Phòng Tài chính - Kế hoạch', marked: false }]);
    api.setRecusal.mockResolvedValue([]);
    render(Council);
    const line = await screen.findByTestId('recusal-2-4');
    expect(line.textContent).toContain('Lương Văn Tú: hồ sơ số 4 (Phòng Tài chính - Kế hoạch) — chức vụ nêu tên đơn vị');
    await fireEvent.click(line.querySelector('button')!);
    await waitFor(() => expect(api.setRecusal).toHaveBeenCalledWith(2, 4, false));
    await fireEvent.change(screen.getByTestId('recuse-member'), { target: { value: '1' } });
    await fireEvent.change(screen.getByTestId('recuse-nominee'), { target: { value: '9' } });
    await fireEvent.click(screen.getByTestId('recuse'));
    await waitFor(() => expect(api.setRecusal).toHaveBeenCalledWith(1, 9, true));
  });
});
