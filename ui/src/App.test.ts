import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const currentCampaignName = vi.fn(async () => 'Đợt thi đua khác');
const overview = vi.fn(async () => null);
// Every other command answers nothing: the screens opened here only need to mount.
vi.mock('./lib/api', () => ({
  api: new Proxy({}, {
    get: (_, name) => (name === 'currentCampaignName' ? currentCampaignName : name === 'overview' ? overview : async () => []),
  }),
}));

import App from './App.svelte';
import type { OverviewView } from './lib/bindings';

describe('the window', () => {
  it('takes the campaign name from the figures asked at start, and asks for it after each navigation', async () => {
    const early = Promise.resolve({
      campaign: { code: 'q4', name: 'Đẩy mạnh cải cách hành chính', period_text: '', deadline: '2024-01-05T10:00:00+07:00', deadline_text: '', issuer: '', quota_text: '' },
      total: 0, received: 0, accepted: 0, refused: 0, units: 0, units_without: [], next_step: 'intake', next_step_label: '',
    } as unknown as OverviewView);
    render(App, { props: { early } });
    await waitFor(() => expect(screen.getByTestId('current-campaign').textContent).toBe('Đẩy mạnh cải cách hành chính'));
    expect(currentCampaignName).not.toHaveBeenCalled();
    expect(overview).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('nav-units'));
    await waitFor(() => expect(screen.getByTestId('current-campaign').textContent).toBe('Đợt thi đua khác'));
    expect(currentCampaignName).toHaveBeenCalledOnce();
  });
});
