import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const auditLog = vi.fn();
vi.mock('../lib/api', async () => {
  const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
  return { fold: real.fold, api: { auditLog: (id: number | null) => auditLog(id) } };
});

import History from './History.svelte';

const line = (id: number, nomination: number | null, subject: string, changes: [string, string | null, string | null][]) => ({
  id, at: `0${id}/01/2024 09:00:00`, actor: 'Hà Thị Thu', action: id === 1 ? 'Thêm' : 'Sửa', subject,
  nomination_id: nomination, changes: changes.map(([field, before, after]) => ({ field, before, after })),
});
const campaign = [
  line(1, 4, 'Hồ sơ số 4 — Triệu Thị Yến', [['Trạng thái', null, 'Đã tiếp nhận']]),
  line(2, 4, 'Hồ sơ số 4 — Triệu Thị Yến', [['Trạng thái', 'Đã tiếp nhận', 'Đạt']]),
  line(3, null, 'Thành viên Hội đồng «Nguyễn Văn Bình»', [['Vai trò', null, 'Ủy viên']]),
];

describe('the history screen', () => {
  it('lists the campaign newest first, with each field from old to new, and filters without diacritics', async () => {
    auditLog.mockResolvedValue(campaign);
    render(History, { props: { nomination: null } });
    await waitFor(() => expect(screen.getByTestId('history-count').textContent).toContain('3 mục'));
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Nguyễn Văn Bình');
    expect(screen.getByTestId('history-2').textContent).toContain('Trạng thái: Đã tiếp nhận → Đạt');
    expect(screen.getByTestId('history-1').textContent).toContain('Trạng thái: Đã tiếp nhận');
    expect(auditLog).toHaveBeenCalledWith(null);
    await fireEvent.input(screen.getByTestId('history-filter'), { target: { value: 'uy vien' } });
    await waitFor(() => expect(screen.getAllByRole('row').length).toBe(2));
  });

  it('opens on one nomination, goes back to the whole campaign, and refuses a number that is not one', async () => {
    auditLog.mockReset();
    auditLog.mockImplementation(async (id: number | null) => (id === 4 ? campaign.slice(0, 2) : campaign));
    render(History, { props: { nomination: 4 } });
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Nhật ký thay đổi của hồ sơ số 4'));
    expect(screen.getByTestId('history-count').textContent).toContain('2 mục');
    await fireEvent.click(screen.getByTestId('history-all'));
    await waitFor(() => expect(screen.getByTestId('history-count').textContent).toContain('3 mục'));
    await fireEvent.input(screen.getByTestId('history-nomination'), { target: { value: 'bốn' } });
    await fireEvent.submit(screen.getByTestId('history-nomination').closest('form')!);
    expect(screen.getByRole('alert').textContent).toContain('số nguyên dương');
    expect(auditLog).toHaveBeenCalledTimes(2);
  });
});
