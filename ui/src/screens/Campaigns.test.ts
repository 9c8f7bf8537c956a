import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const api = vi.hoisted(() => ({
  campaigns: vi.fn(), useCampaign: vi.fn(), importDefinition: vi.fn(), importExchange: vi.fn(),
  exportExchange: vi.fn(), exportSpreadsheet: vi.fn(), pickOpen: vi.fn(), pickSave: vi.fn(),
}));
vi.mock('../lib/api', () => ({ api }));

import Campaigns from './Campaigns.svelte';

const q4 = { code: 'bach-thong-q4-2023', name: 'Đẩy mạnh cải cách hành chính', period_text: 'Từ 01/10/2023 đến hết 31/12/2023', current: true, nominations: 11 };
const q1 = { code: 'bach-thong-q1-2024', name: 'Thi đua quý I năm 2024', period_text: 'Từ 01/01/2024 đến hết 31/03/2024', current: false, nominations: 0 };

describe('the campaigns card', () => {
  it('marks the campaign worked on and switches to another', async () => {
    api.campaigns.mockResolvedValueOnce([q4, q1]).mockResolvedValue([{ ...q4, current: false }, { ...q1, current: true }]);
    api.useCampaign.mockResolvedValue(undefined);
    const onchanged = vi.fn();
    render(Campaigns, { props: { onchanged } });
    await waitFor(() => expect(screen.getByTestId('campaign-bach-thong-q4-2023').textContent).toContain('Đang làm việc'));
    await fireEvent.click(screen.getByTestId('use-bach-thong-q1-2024'));
    await waitFor(() => expect(onchanged).toHaveBeenCalledOnce());
    expect(api.useCampaign).toHaveBeenCalledWith('bach-thong-q1-2024');
    expect(screen.getByTestId('campaigns-message').textContent).toBe('Đang làm việc với đợt «Thi đua quý I năm 2024».');
    expect(screen.getByTestId('campaign-bach-thong-q1-2024').textContent).toContain('Đang làm việc');
  });

  it('imports a definition file, does nothing when the dialog is cancelled, and shows a refusal', async () => {
    api.campaigns.mockReset();
    api.campaigns.mockResolvedValue([q4]);
    api.pickOpen.mockResolvedValueOnce(null).mockResolvedValueOnce('/usb/q1.json').mockResolvedValueOnce('/usb/hong.zip');
    api.importDefinition.mockResolvedValue('Thi đua quý I năm 2024');
    api.importExchange.mockRejectedValue({ code: 'archive_rejected', message: 'Không nhập tệp trao đổi «/usb/hong.zip»; chưa ghi gì vào cơ sở dữ liệu. Tệp bị cắt cụt.', field: null });
    const onchanged = vi.fn();
    render(Campaigns, { props: { onchanged } });
    await screen.findByTestId('campaign-bach-thong-q4-2023');
    await fireEvent.click(screen.getByTestId('import-definition'));
    await waitFor(() => expect(api.pickOpen).toHaveBeenCalledTimes(1));
    expect(api.importDefinition).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('import-definition'));
    await waitFor(() => expect(screen.getByTestId('campaigns-message').textContent).toContain('Đã nhập đợt thi đua «Thi đua quý I năm 2024»'));
    expect(api.importDefinition).toHaveBeenCalledWith('/usb/q1.json');
    expect(api.pickOpen).toHaveBeenLastCalledWith('Tệp định nghĩa đợt thi đua', ['json']);
    await fireEvent.click(screen.getByTestId('import-exchange'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('chưa ghi gì'));
    expect(screen.queryByTestId('campaigns-message')).toBeNull();
    expect(onchanged).toHaveBeenCalledOnce();
  });

  it('writes the exchange file and the spreadsheet where the secretary chose, named after the campaign', async () => {
    api.campaigns.mockReset();
    api.campaigns.mockResolvedValue([q4]);
    api.pickSave.mockResolvedValueOnce('/usb/bach-thong-q4-2023.zip').mockResolvedValueOnce('/usb/ket-qua.xlsx');
    api.exportExchange.mockResolvedValue(undefined);
    api.exportSpreadsheet.mockResolvedValue(undefined);
    render(Campaigns, { props: { onchanged: () => {} } });
    await fireEvent.click(await screen.findByTestId('export-exchange'));
    await waitFor(() => expect(api.exportExchange).toHaveBeenCalledWith('/usb/bach-thong-q4-2023.zip'));
    expect(api.pickSave).toHaveBeenCalledWith('Tệp trao đổi Thi đua', 'zip', 'bach-thong-q4-2023.zip');
    await fireEvent.click(screen.getByTestId('export-xlsx'));
    await waitFor(() => expect(screen.getByTestId('campaigns-message').textContent).toBe('Đã ghi tệp «/usb/ket-qua.xlsx».'));
    expect(api.exportSpreadsheet).toHaveBeenCalledWith('/usb/ket-qua.xlsx');
  });
});
