import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const api = vi.hoisted(() => ({ setDisagreement: vi.fn() }));
vi.mock('../lib/api', () => ({ api }));

import RankingCharts from './RankingCharts.svelte';
import type { CouncilView } from '../lib/bindings';

const ranked = (id: number, name: string, rank: number, totals: number[], disputed: boolean) => ({
  nomination_id: id, name, kind: 'individual', kind_label: 'Cá nhân', average_text: null, rank, tied: false,
  complete: true, counted: totals.length, vote: null, totals, average: totals.reduce((a, b) => a + b, 0) / totals.length,
  spread_text: String(totals[totals.length - 1] - totals[0]), disputed,
});
const view = (ranking: ReturnType<typeof ranked>[]) => ({
  members: [], meeting: null, nominees: [], scores: [], sheets: [], ranking, shortlist: [], shortlist_max: 3,
  disagreement_text: '20',
}) as unknown as CouncilView;

describe('the score charts', () => {
  it('flag a spread over the threshold for discussion and save another threshold', async () => {
    const onchange = vi.fn();
    render(RankingCharts, { view: view([ranked(4, 'Phòng Tài chính - Kế hoạch', 1, [35, 70], true), ranked(9, 'Triệu Thị Yến', 2, [15, 30], false)]), onchange });
    expect(screen.getByTestId('disputed').textContent).toContain('Chênh lệch trên 20 điểm, cần thảo luận trước khi biểu quyết');
    expect(screen.getByTestId('disputed').textContent).toContain('Phòng Tài chính - Kế hoạch (chênh 35 điểm)');
    expect(screen.getByTestId('disputed').textContent).not.toContain('Triệu Thị Yến');
    expect(document.querySelectorAll('canvas').length).toBe(2);
    api.setDisagreement.mockRejectedValueOnce({ code: 'bad_number', message: 'Tham số không hợp lệ: ngưỡng chênh lệch «-3»' }).mockResolvedValueOnce(undefined);
    await fireEvent.input(screen.getByTestId('threshold'), { target: { value: '-3' } });
    await fireEvent.click(screen.getByTestId('threshold-save'));
    expect((await screen.findByTestId('threshold-error')).textContent).toContain('ngưỡng chênh lệch');
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId('threshold'), { target: { value: '40' } });
    await fireEvent.click(screen.getByTestId('threshold-save'));
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(api.setDisagreement).toHaveBeenLastCalledWith('40');
  });

  it('say so when no spread passes the threshold, and draw nothing before any sheet', () => {
    const { unmount } = render(RankingCharts, { view: view([ranked(9, 'Triệu Thị Yến', 1, [15, 30], false)]), onchange: () => {} });
    expect(screen.getByTestId('disputed').textContent).toContain('Không hồ sơ nào');
    unmount();
    render(RankingCharts, { view: view([]), onchange: () => {} });
    expect(screen.queryByTestId('charts')).toBeNull();
  });
});
