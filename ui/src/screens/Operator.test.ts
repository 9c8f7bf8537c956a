import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';

const api = vi.hoisted(() => ({ operator: vi.fn(), setOperator: vi.fn() }));
vi.mock('../lib/api', () => ({ api }));

import Operator from './Operator.svelte';

describe('the operator name', () => {
  it('shows the system user it falls back to, saves a name, and says whose name the trail records', async () => {
    api.operator.mockResolvedValueOnce({ name: '', system_user: 'ketoan' }).mockResolvedValueOnce({ name: 'Hà Thị Thu', system_user: 'ketoan' });
    api.setOperator.mockResolvedValue(undefined);
    render(Operator);
    await waitFor(() => expect(screen.getByTestId('operator-form').textContent).toContain('tên đăng nhập của máy («ketoan»)'));
    await fireEvent.input(screen.getByTestId('operator-name'), { target: { value: 'Hà Thị  Thu' } });
    await fireEvent.submit(screen.getByTestId('operator-form'));
    await waitFor(() => expect(screen.getByTestId('operator-message').textContent).toBe('Từ nay nhật ký ghi người thực hiện là «Hà Thị Thu».'));
    expect(api.setOperator).toHaveBeenCalledWith('Hà Thị  Thu');
    expect((screen.getByTestId('operator-name') as HTMLInputElement).value).toBe('Hà Thị Thu');
  });
});
