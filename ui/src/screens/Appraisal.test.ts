import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const nominations = vi.fn();
const reopen = vi.fn();
vi.mock('../lib/api', () => ({ api: { nominations: () => nominations(), reopen: (id: number) => reopen(id) } }));

import Appraisal from './Appraisal.svelte';

const dossier = (id: number, status: string, appraised: boolean, refusals: { reason: string; label: string; note: string }[] = []) => ({
  id, unit_id: id, unit: `Đơn vị ${id}`, kind: 'individual', kind_label: 'Cá nhân', name: `Người số ${id}`, gender: 'female',
  position: null, submitted_at: '2024-01-04T09:00:00+07:00', submitted_text: '04/01/2024 09:00:00',
  proposal_letter: 'present', minutes: 'present', achievement_report: 'present', summary: '',
  status, status_label: { received: 'Đã tiếp nhận', accepted: 'Đạt', refused: 'Không tiếp nhận' }[status]!, refusals, appraised,
});

describe('the appraisal screen', () => {
  it('lists what was appraised and takes an appraisal back into the queue', async () => {
    const late = { reason: 'late', label: 'Nộp quá thời hạn quy định', note: '' };
    const notMet = { reason: 'criteria_not_met', label: 'Không đạt tiêu chí thi đua', note: 'Chưa tiêu biểu' };
    nominations
      .mockResolvedValueOnce([dossier(1, 'accepted', true), dossier(2, 'refused', true, [notMet]), dossier(3, 'refused', false, [late])])
      .mockResolvedValue([dossier(1, 'received', false), dossier(2, 'refused', true, [notMet]), dossier(3, 'refused', false, [late])]);
    reopen.mockResolvedValue(undefined);
    render(Appraisal);
    const table = await screen.findByTestId('appraised');
    expect(table.textContent).toContain('Chưa tiêu biểu');
    expect(table.textContent).not.toContain('Người số 3');
    expect(screen.queryByTestId('appraise-1')).toBeNull();
    await fireEvent.click(screen.getByTestId('reopen-1'));
    expect(reopen).toHaveBeenCalledWith(1);
    await waitFor(() => expect(screen.getByTestId('appraise-1')).toBeTruthy());
    expect(screen.getByRole('status').textContent).toContain('Hồ sơ số 1: đã hủy kết quả thẩm định');
    expect(screen.getByTestId('appraised').textContent).not.toContain('Người số 1');
  });
});
