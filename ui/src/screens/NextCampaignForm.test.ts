import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const startNextCampaign = vi.fn();
vi.mock('../lib/api', async () => {
  const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
  return { isoDate: real.isoDate, api: { startNextCampaign: (i: unknown) => startNextCampaign(i) } };
});

import NextCampaignForm from './NextCampaignForm.svelte';

async function type(id: string, value: string) {
  await fireEvent.input(screen.getByTestId(id), { target: { value } });
}

describe('the next campaign form', () => {
  it('sends the days as calendar days and the deadline as typed, and says what is wrong where', async () => {
    startNextCampaign
      .mockRejectedValueOnce({ code: 'invalid_field', message: 'Hạn nộp hồ sơ: không đọc được thời gian «5/4»', field: 'deadline' })
      .mockResolvedValueOnce('Thi đua quý I năm 2024');
    const onstarted = vi.fn();
    render(NextCampaignForm, { props: { like: 'Đẩy mạnh cải cách hành chính', onstarted, oncancel: () => {} } });
    expect(screen.getByRole('heading').textContent).toBe('Đợt thi đua mới, giống đợt «Đẩy mạnh cải cách hành chính»');
    expect((screen.getByTestId('n-start') as HTMLButtonElement).disabled).toBe(true);
    await type('n-code', 'bach-thong-q1-2024');
    await type('n-name', 'Thi đua quý I năm 2024');
    await type('n-from', '01/01/2024');
    await type('n-to', '31/02/2024');
    await type('n-deadline', '5/4');
    await fireEvent.submit(screen.getByTestId('next-campaign'));
    expect(screen.getByTestId('next-campaign').textContent).toContain('Đến ngày: Ngày phải ghi theo dạng ngày/tháng/năm');
    expect(startNextCampaign).not.toHaveBeenCalled();

    await type('n-to', '31/03/2024');
    await fireEvent.submit(screen.getByTestId('next-campaign'));
    await waitFor(() => expect(screen.getByTestId('next-campaign').textContent).toContain('không đọc được thời gian «5/4»'));
    await type('n-deadline', '05/04/2024 10:00');
    await type('n-plan-number', ' 12 ');
    await fireEvent.submit(screen.getByTestId('next-campaign'));
    await waitFor(() => expect(onstarted).toHaveBeenCalledWith('Thi đua quý I năm 2024'));
    expect(startNextCampaign).toHaveBeenLastCalledWith({
      code: 'bach-thong-q1-2024', name: 'Thi đua quý I năm 2024', from: '2024-01-01', to: '2024-03-31',
      deadline: '05/04/2024 10:00', plan_number: '12', plan_date: null,
    });
  });
});
