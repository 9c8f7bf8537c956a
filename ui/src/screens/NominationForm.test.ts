import { describe, it, expect, vi, beforeEach } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';

const checkNomination = vi.fn();
const addNomination = vi.fn();
const correctNomination = vi.fn();
const nameOffer = vi.fn();
vi.mock('../lib/api', () => ({
  api: {
    checkNomination: (...a: unknown[]) => checkNomination(...a), addNomination: (...a: unknown[]) => addNomination(...a),
    correctNomination: (...a: unknown[]) => correctNomination(...a), nameOffer: (...a: unknown[]) => nameOffer(...a),
  },
  fold: (s: string) => s,
}));

import NominationForm from './NominationForm.svelte';
import type { NominationView, UnitView } from '../lib/bindings';

const units: UnitView[] = [{ id: 4, name: 'Phòng Tài chính - Kế hoạch', kind: 'office', kind_label: 'Cơ quan chuyên môn', position: 4, quota: 1 }];

async function fill() {
  await fireEvent.change(screen.getByTestId('f-unit'), { target: { value: '4' } });
  await fireEvent.change(screen.getByTestId('f-kind'), { target: { value: 'collective' } });
  await fireEvent.input(screen.getByTestId('f-name'), { target: { value: 'Phòng Tài chính - Kế hoạch' } });
  await fireEvent.input(screen.getByTestId('f-time'), { target: { value: '05/01/2024 09:00' } });
}

describe('the nomination form', () => {
  beforeEach(() => { checkNomination.mockReset(); addNomination.mockReset(); nameOffer.mockReset(); });

  it('offers the title-cased form of a person\'s name typed in one case, before saving', async () => {
    checkNomination.mockResolvedValue([]);
    nameOffer.mockImplementation(async (name: string) => (name === 'nguyễn văn a' ? 'Nguyễn Văn A' : null));
    render(NominationForm, { props: { units, onsaved: () => {} } });
    await fireEvent.change(screen.getByTestId('f-kind'), { target: { value: 'individual' } });
    await fireEvent.input(screen.getByTestId('f-name'), { target: { value: 'nguyễn văn a' } });
    await waitFor(() => expect(screen.getByTestId('name-offer').textContent).toContain('«Nguyễn Văn A»'));
    expect(addNomination).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('name-offer-take'));
    expect((screen.getByTestId('f-name') as HTMLInputElement).value).toBe('Nguyễn Văn A');
    await waitFor(() => expect(screen.queryByTestId('name-offer')).toBeNull());
  });

  it('explains a used quota while the secretary types, before saving', async () => {
    checkNomination.mockResolvedValue([
      { reason: 'over_quota', label: 'Vượt số lượng đề nghị khen thưởng của đơn vị', note: 'suất của đơn vị đã thuộc hồ sơ số 4' },
    ]);
    render(NominationForm, { props: { units, onsaved: () => {} } });
    await fill();
    await waitFor(() => expect(screen.getByTestId('rule-over_quota')).toBeTruthy());
    expect(screen.getByTestId('rule-over_quota').textContent).toContain('hồ sơ số 4');
    expect(checkNomination).toHaveBeenCalledWith(expect.objectContaining({ unit_id: 4, kind: 'collective', submitted_at: '05/01/2024 09:00' }), null);
    expect(addNomination).not.toHaveBeenCalled();
  });

  it('shows the core error next to the time field', async () => {
    checkNomination.mockRejectedValue({ code: 'invalid_field', message: 'Thời gian nộp: không đọc được thời gian', field: 'submitted_at' });
    addNomination.mockRejectedValue({ code: 'invalid_field', message: 'Thời gian nộp: không đọc được thời gian', field: 'submitted_at' });
    render(NominationForm, { props: { units, onsaved: () => {} } });
    await fill();
    await fireEvent.submit(screen.getByTestId('nomination-form'));
    await waitFor(() => expect(screen.getByTestId('f-time-error').textContent).toContain('không đọc được thời gian'));
  });

  it('saves and reports the status the rules gave', async () => {
    checkNomination.mockResolvedValue([]);
    addNomination.mockResolvedValue({ id: 12, status_label: 'Đã tiếp nhận' });
    const onsaved = vi.fn();
    render(NominationForm, { props: { units, onsaved } });
    await fill();
    await waitFor(() => expect(screen.getByTestId('rule-check').textContent).toContain('đáp ứng'));
    await fireEvent.submit(screen.getByTestId('nomination-form'));
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith('Đã ghi nhận hồ sơ số 12: Đã tiếp nhận.'));
  });
});

describe('the nomination form after a save', () => {
  it('checks the next dossier too', async () => {
    checkNomination.mockReset();
    addNomination.mockReset();
    checkNomination.mockResolvedValueOnce([]).mockResolvedValue([
      { reason: 'over_quota', label: 'Vượt số lượng đề nghị khen thưởng của đơn vị', note: 'suất của đơn vị đã thuộc hồ sơ số 1' },
    ]);
    addNomination.mockResolvedValue({ id: 1, status_label: 'Đã tiếp nhận' });
    render(NominationForm, { props: { units, onsaved: () => {} } });
    await fill();
    await waitFor(() => expect(screen.getByTestId('rule-check').textContent).toContain('đáp ứng'));
    await fireEvent.submit(screen.getByTestId('nomination-form'));
    await waitFor(() => expect(addNomination).toHaveBeenCalledOnce());
    await fill();
    await waitFor(() => expect(screen.getByTestId('rule-over_quota').textContent).toContain('hồ sơ số 1'));
  });
});

describe('the nomination form correcting a recorded dossier', () => {
  const recorded: NominationView = {
    id: 7, unit_id: 4, unit: 'Phòng Tài chính - Kế hoạch', kind: 'individual', kind_label: 'Cá nhân', name: 'Lê Thu Trag',
    gender: 'female', position: 'Kế toán', submitted_at: '2024-01-04T15:00:00+07:00', submitted_text: '04/01/2024 15:00:00',
    proposal_letter: 'present', minutes: 'missing', achievement_report: 'present', summary: '', women_percent: null, status: 'refused',
    status_label: 'Không tiếp nhận', refusals: [], appraised: false,
  };

  it('starts from the recorded values, checks the rules without counting the dossier twice, and saves the correction', async () => {
    checkNomination.mockReset();
    addNomination.mockReset();
    checkNomination.mockResolvedValue([]);
    correctNomination.mockResolvedValue({ id: 7, status_label: 'Đã tiếp nhận', refusals: [] });
    const onsaved = vi.fn();
    const oncancel = vi.fn();
    render(NominationForm, { props: { units, onsaved, editing: recorded, oncancel } });
    expect(screen.getByRole('heading').textContent).toBe('Sửa hồ sơ số 7');
    expect((screen.getByTestId('f-name') as HTMLInputElement).value).toBe('Lê Thu Trag');
    expect((screen.getByTestId('f-time') as HTMLInputElement).value).toBe('04/01/2024 15:00:00');
    await fireEvent.input(screen.getByTestId('f-name'), { target: { value: 'Lê Thu Trang' } });
    await fireEvent.change(screen.getByTestId('f-minutes'), { target: { value: 'present' } });
    await waitFor(() => expect(checkNomination).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'Lê Thu Trang', minutes: 'present', gender: 'female', position: 'Kế toán' }), 7));
    await fireEvent.submit(screen.getByTestId('nomination-form'));
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith('Đã sửa hồ sơ số 7: Đã tiếp nhận.'));
    expect(correctNomination).toHaveBeenCalledWith(7, expect.objectContaining({ name: 'Lê Thu Trang', unit_id: 4 }));
    expect(addNomination).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('f-cancel'));
    expect(oncancel).toHaveBeenCalledOnce();
  });
});
