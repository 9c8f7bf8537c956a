import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const api = vi.hoisted(() => ({
  units: vi.fn(), nominations: vi.fn(), addUnit: vi.fn(), updateUnit: vi.fn(), removeUnit: vi.fn(), confirm: vi.fn(),
}));
vi.mock('../lib/api', () => ({ api }));

import Units from './Units.svelte';

const unit = (id: number, name: string, kind: string, kind_label: string) => ({ id, name, kind, kind_label, position: id, quota: 1 });

describe('the units screen', () => {
  it('adds a unit, corrects one, offers to remove only a unit without dossiers, and shows a refusal', async () => {
    api.units.mockResolvedValue([unit(1, 'Phòng Y tế', 'office', 'Cơ quan chuyên môn'), unit(2, 'Xã Tân Tú', 'commune', 'Xã, thị trấn')]);
    api.nominations.mockResolvedValue([{ id: 1, unit_id: 1, status: 'received' }]);
    api.addUnit.mockRejectedValueOnce({ code: 'invalid_argument', message: 'Tham số không hợp lệ: đợt thi đua đã có đơn vị «Xã Tân Tú».', field: 'name' })
      .mockResolvedValue(undefined);
    api.updateUnit.mockResolvedValue(undefined);
    render(Units);
    await screen.findByTestId('unit-edit-1');
    expect(screen.queryByTestId('unit-remove-1')).toBeNull();
    expect(screen.getByTestId('unit-remove-2')).toBeTruthy();

    await fireEvent.input(screen.getByTestId('unit-name'), { target: { value: 'Xã Tân Tú' } });
    await fireEvent.submit(screen.getByTestId('unit-form'));
    await waitFor(() => expect(screen.getByTestId('units-error').textContent).toContain('đã có đơn vị «Xã Tân Tú»'));
    await fireEvent.input(screen.getByTestId('unit-name'), { target: { value: 'Xã Dương Quang' } });
    await fireEvent.submit(screen.getByTestId('unit-form'));
    await waitFor(() => expect(api.addUnit).toHaveBeenLastCalledWith('Xã Dương Quang', 'commune'));
    await waitFor(() => expect(screen.queryByTestId('units-error')).toBeNull());

    await fireEvent.click(screen.getByTestId('unit-edit-1'));
    expect((screen.getByTestId('unit-name') as HTMLInputElement).value).toBe('Phòng Y tế');
    await fireEvent.change(screen.getByTestId('unit-kind'), { target: { value: 'mass_organisation' } });
    await fireEvent.submit(screen.getByTestId('unit-form'));
    await waitFor(() => expect(api.updateUnit).toHaveBeenCalledWith(1, 'Phòng Y tế', 'mass_organisation'));
  });
});
