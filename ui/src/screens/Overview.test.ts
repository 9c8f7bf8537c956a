import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const overview = vi.fn();
const loadExample = vi.fn();
const firstScreen = vi.fn(async () => {});
vi.mock('../lib/api', () => ({ api: { overview: () => overview(), loadExample: () => loadExample(), campaigns: async () => [], firstScreen: () => firstScreen() } }));

import Overview from './Overview.svelte';
import type { OverviewView } from '../lib/bindings';

const data = {
  campaign: {
    code: 'bach-thong-q4-2023', name: 'Đẩy mạnh cải cách hành chính', period_text: 'Từ 01/10/2023 đến hết 31/12/2023',
    deadline: '2024-01-05T10:00:00+07:00', deadline_text: 'trước 10:00 ngày 05 tháng 01 năm 2024', issuer: 'Ủy ban nhân dân huyện Bạch Thông', quota_text: 'Mỗi đơn vị đề nghị không quá 01 tập thể hoặc cá nhân.',
    collective_criteria: [], individual_criteria: [],
  },
  total: 11, received: 6, accepted: 0, refused: 5, units: 33,
  units_without: [{ id: 1, name: 'Văn phòng HĐND và UBND huyện', kind: 'office', kind_label: 'Cơ quan chuyên môn', position: 1, quota: 1 }],
  next_step: 'appraisal', next_step_label: 'Thẩm định các hồ sơ đã tiếp nhận',
};

describe('the overview', () => {
  it('offers the example campaign on a first start', async () => {
    overview.mockResolvedValueOnce(null).mockResolvedValueOnce(data);
    loadExample.mockResolvedValue(undefined);
    render(Overview, { props: { onnavigate: () => {} } });
    await fireEvent.click(await screen.findByTestId('load-example'));
    await waitFor(() => expect(screen.getByTestId('campaign-name').textContent).toContain('Đẩy mạnh'));
    expect(loadExample).toHaveBeenCalledOnce();
    // The first screen is told once for the start-up's timings, not again after a reload.
    await waitFor(() => expect(firstScreen).toHaveBeenCalledTimes(1));
  });

  it('shows counts, the deadline passed and the next step, which navigates', async () => {
    overview.mockResolvedValue(data);
    const onnavigate = vi.fn();
    render(Overview, { props: { onnavigate } });
    await waitFor(() => expect(screen.getByTestId('count-total').textContent).toBe('11'));
    expect(screen.getByTestId('countdown').textContent).toBe('Đã hết hạn nộp hồ sơ');
    expect(screen.getByText('Văn phòng HĐND và UBND huyện')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('next-step'));
    expect(onnavigate).toHaveBeenCalledWith('appraisal');
  });

  it('shows the figures asked for when the page started, without asking again', async () => {
    overview.mockClear();
    overview.mockResolvedValue({ ...data, total: 99 });
    render(Overview, { props: { onnavigate: () => {}, early: Promise.resolve(data as unknown as OverviewView) } });
    await waitFor(() => expect(screen.getByTestId('count-total').textContent).toBe('11'));
    expect(overview).not.toHaveBeenCalled();
  });
});
