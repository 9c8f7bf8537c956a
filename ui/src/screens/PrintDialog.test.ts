import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';

const api = vi.hoisted(() => ({ printers: vi.fn(), printNotice: vi.fn(), printDocument: vi.fn() }));
vi.mock('../lib/api', () => ({ api }));

import PrintDialog from './PrintDialog.svelte';

const printer = {
  name: 'HP LaserJet phòng Nội vụ', description: '', default: true, state_label: 'sẵn sàng', accepting: true,
  media: ['A4', 'A3'], default_media: 'A4', trays: [],
};

describe('the print dialog', () => {
  it('says what to set on the printer before anything is sent, where the print system cannot be told', async () => {
    HTMLDialogElement.prototype.showModal = vi.fn();
    HTMLDialogElement.prototype.close = vi.fn();
    localStorage.clear();
    api.printers.mockResolvedValue([printer]);
    api.printNotice.mockResolvedValue('Trên Windows, hãy đặt trong «Tùy chọn in» của máy in «HP LaserJet phòng Nội vụ»: khổ giấy A3, hướng ngang; tỷ lệ 100 % (không «vừa trang») trước khi in.');
    render(PrintDialog, { kind: 'certificates', preprinted: false, label: 'Giấy khen', onclose: () => {} });
    expect((await screen.findByTestId('print-notice')).textContent).toContain('khổ giấy A3, hướng ngang');
    expect(api.printNotice).toHaveBeenCalledWith('certificates', 'HP LaserJet phòng Nội vụ', null);
    expect(api.printDocument).not.toHaveBeenCalled();
  });

  it('shows nothing where the print system takes the settings', async () => {
    HTMLDialogElement.prototype.showModal = vi.fn();
    api.printers.mockResolvedValue([printer]);
    api.printNotice.mockResolvedValue(null);
    render(PrintDialog, { kind: 'decision', preprinted: false, label: 'Quyết định', onclose: () => {} });
    await waitFor(() => expect(api.printNotice).toHaveBeenCalledWith('decision', 'HP LaserJet phòng Nội vụ', null));
    expect(screen.queryByTestId('print-notice')).toBeNull();
  });
});
