import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { UploadProgress } from '../api/upload';
import { ErrorMessage } from './ErrorMessage';
import { FormGroup } from './FormGroup';
import { Hint } from './Hint';
import { cx, describedBy } from './classes';

/** What the screen does with one file: send it (api/upload.ts reports progress) and say how it went, in words for the person. */
export type UploadFile = (file: File, onProgress: (progress: UploadProgress) => void) => Promise<{ ok: boolean; message: string }>;

interface Row {
  key: number;
  name: string;
  percent: number;
  state: 'uploading' | 'done' | 'failed';
  message?: string;
}

/** An MOJ banner's icon. */
const bannerIcon = (path: string) => (
  <svg
    className="moj-banner__icon"
    fill="currentColor"
    role="presentation"
    focusable="false"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 25 25"
    height="25"
    width="25"
  >
    <path d={path} />
  </svg>
);
const tick = bannerIcon('M25,6.2L8.7,23.2L0,14.1l4-4.2l4.7,4.9L21,2L25,6.2z');
const warning = bannerIcon('M13.6,15.4h-2.3v-4.5h2.3V15.4z M13.6,19.8h-2.3v-2.2h2.3V19.8z M0,23.2h25L12.5,2L0,23.2z');

/**
 * MOJ multi-file upload: drag and drop or choose several files; each is sent as soon as it is
 * added (by `upload`, one request per file), with its progress, then its result, in the list
 * above. A status line tells screen readers what happened.
 */
export function MultiFileUpload({
  id,
  label,
  hint,
  error,
  heading = 'Files added',
  accept,
  upload,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  heading?: string;
  accept?: string;
  upload: UploadFile;
}) {
  const [rows, setRows] = useState<Row[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const [focused, setFocused] = useState(false);
  const [status, setStatus] = useState('');
  const next = useRef(0);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  const update = (key: number, change: Partial<Row>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const add = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = next.current++;
      setRows((all) => [...all, { key, name: file.name, percent: 0, state: 'uploading' }]);
      setStatus(`Uploading ${file.name}`);
      void upload(file, ({ loaded, total }) => update(key, { percent: total ? Math.round((loaded / total) * 100) : 0 })).then(
        ({ ok, message }) => {
          update(key, { state: ok ? 'done' : 'failed', percent: 100, message });
          setStatus(message);
        },
        () => {
          update(key, { state: 'failed', message: `${file.name} could not be uploaded` });
          setStatus(`${file.name} could not be uploaded`);
        },
      );
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragOver(false);
    add(event.dataTransfer.files);
  };

  return (
    <div className="moj-multi-file-upload moj-multi-file-upload--enhanced" data-module="moj-multi-file-upload">
      <div className={cx('moj-multi-file__uploaded-files', rows.length === 0 && 'moj-hidden')}>
        <h2 className="govuk-heading-m">{heading}</h2>
        <div className="govuk-summary-list moj-multi-file-upload__list">
          {rows.map((row) => (
            <div key={row.key} className="govuk-summary-list__row moj-multi-file-upload__row">
              <div className="govuk-summary-list__value moj-multi-file-upload__message">
                {row.state === 'uploading' && (
                  <>
                    <span className="moj-multi-file-upload__filename">{row.name}</span> <span className="moj-multi-file-upload__progress">{row.percent}%</span>
                  </>
                )}
                {row.state === 'done' && (
                  <span className="moj-multi-file-upload__success">
                    {tick}
                    {row.message}
                  </span>
                )}
                {row.state === 'failed' && (
                  <span className="moj-multi-file-upload__error">
                    {warning}
                    {row.message}
                  </span>
                )}
              </div>
              <div className="govuk-summary-list__actions moj-multi-file-upload__actions" />
            </div>
          ))}
        </div>
      </div>
      <div className="moj-multi-file-upload__upload">
        <FormGroup error={Boolean(error)}>
          <label className="govuk-label govuk-label--m" htmlFor={id}>
            {label}
          </label>
          {hint && <Hint id={hintId!}>{hint}</Hint>}
          {error && <ErrorMessage id={errorId!}>{error}</ErrorMessage>}
          <div
            className={cx('moj-multi-file-upload__dropzone', dragOver && 'moj-multi-file-upload--dragover')}
            onDragOver={(event) => {
              event.preventDefault();
              setDragOver(true);
            }}
            onDragLeave={() => setDragOver(false)}
            onDrop={drop}
            data-testid="dropzone"
          >
            <input
              className={cx('govuk-file-upload', 'moj-multi-file-upload__input', error && 'govuk-file-upload--error')}
              id={id}
              name={id}
              type="file"
              multiple
              accept={accept}
              aria-describedby={describedBy(hintId, errorId)}
              onChange={(event) => {
                add(event.target.files);
                event.target.value = '';
              }}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
            />
            <p className="govuk-body">Drag and drop files here or</p>
            <label htmlFor={id} className={cx('govuk-button', 'govuk-button--secondary', focused && 'moj-multi-file-upload--focused')}>
              Choose files
            </label>
            <div className="govuk-visually-hidden" aria-live="polite" role="status">
              {status}
            </div>
          </div>
        </FormGroup>
      </div>
    </div>
  );
}
