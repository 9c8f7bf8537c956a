//! Attachments: the scanned files of a dossier, copied into the data folder (`attachments/`
//! beside the database, each file named by its SHA-256 digest) so they travel with the records in
//! backups of the folder and in exchange files.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{format_time, Store};
use crate::error::{Error, RecordsError, Result};
use crate::model::NominationId;

/// The folder of the attachments, beside the database.
pub const FOLDER: &str = "attachments";
/// The largest file the secretary may attach (a scanned dossier is a few MB; a mistake is not).
pub const MAX_BYTES: u64 = 200 * 1024 * 1024;

/// A file attached to a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: i64,
    pub nomination: NominationId,
    /// The name it had when attached ("To trinh.pdf").
    pub file_name: String,
    pub sha256: String,
    pub bytes: i64,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 digest of `bytes`, in lower-case hex.
pub fn digest(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A file the user pointed at, as read: its bytes, or why it was not read whole.
pub enum UserFile {
    Bytes(Vec<u8>),
    /// A device, a pipe, a directory or a symbolic link (whose target may lie anywhere).
    NotRegular,
    /// More than the bound: the first bound + 1 bytes were read, no more.
    TooLarge(u64),
}

/// Reads a file the user pointed at: only a regular file, and at most `max` bytes, whatever size
/// it claims (it may grow while read).
pub fn read_user_file(source: &Path, max: u64) -> Result<UserFile> {
    let io = |e| Error::Io { path: source.to_path_buf(), source: e };
    let meta = std::fs::symlink_metadata(source).map_err(io)?;
    if !meta.file_type().is_file() {
        return Ok(UserFile::NotRegular);
    }
    let file = std::fs::File::open(source).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Ok(UserFile::TooLarge(bytes.len() as u64));
    }
    Ok(UserFile::Bytes(bytes))
}

/// The bytes of a scan the user pointed at (`read_user_file` with the scans' bound).
fn read_scan(source: &Path) -> Result<Vec<u8>> {
    match read_user_file(source, MAX_BYTES)? {
        UserFile::Bytes(bytes) => Ok(bytes),
        UserFile::NotRegular => Err(RecordsError::NotARegularFile(source.to_path_buf()).into()),
        UserFile::TooLarge(len) => Err(RecordsError::AttachmentTooLarge {
            file: source.to_path_buf(),
            mb: len / (1024 * 1024),
            max_mb: MAX_BYTES / (1024 * 1024),
        }
        .into()),
    }
}

impl Store {
    fn attachments_folder(&self) -> Result<PathBuf> {
        let db = self.path().ok_or_else(|| Error::Records(RecordsError::NoDataFolder))?;
        Ok(db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(FOLDER))
    }

    /// Stores `bytes` under their digest in the attachments folder (once), returning the digest.
    pub(crate) fn store_attachment_bytes(&self, bytes: &[u8]) -> Result<String> {
        let folder = self.attachments_folder()?;
        std::fs::create_dir_all(&folder).map_err(|source| Error::Io { path: folder.clone(), source })?;
        let sha = digest(bytes);
        let path = folder.join(&sha);
        if !path.exists() {
            // Through a temporary name and a rename: a crash never leaves half a file under a digest.
            let tmp = folder.join(format!(".{sha}.{}.tmp", std::process::id()));
            std::fs::write(&tmp, bytes)
                .and_then(|()| {
                    super::debug_assert_closed(&tmp);
                    std::fs::rename(&tmp, &path)
                })
                .map_err(|source| Error::Io { path: path.clone(), source })?;
        }
        Ok(sha)
    }

    /// Copies the file at `source` into the data folder and attaches it to a dossier.
    pub fn attach_file(&mut self, nomination: NominationId, source: &Path) -> Result<Attachment> {
        self.nomination(nomination)?;
        let bytes = read_scan(source)?;
        let sha = self.store_attachment_bytes(&bytes)?;
        let file_name = source
            .file_name()
            .map(|n| crate::vn::nfc(&n.to_string_lossy()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "tep-dinh-kem".into());
        let id = self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO attachments (nomination_id, file_name, sha256, bytes, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![nomination.0, file_name, sha, bytes.len() as i64, format_time(chrono::Utc::now())],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(Attachment { id, nomination, file_name, sha256: sha, bytes: bytes.len() as i64 })
    }

    /// The files attached to a dossier, in the order they were attached.
    pub fn attachments(&self, nomination: NominationId) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, nomination_id, file_name, sha256, bytes FROM attachments WHERE nomination_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([nomination.0], |r| {
            Ok(Attachment {
                id: r.get(0)?,
                nomination: NominationId(r.get(1)?),
                file_name: r.get(2)?,
                sha256: r.get(3)?,
                bytes: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Where an attachment's file lies, checked against its digest before anyone opens it.
    pub fn attachment_file(&self, id: i64) -> Result<PathBuf> {
        let sha: String = self
            .conn()
            .query_row("SELECT sha256 FROM attachments WHERE id = ?1", [id], |r| r.get(0))
            .map_err(|_| RecordsError::UnknownAttachment(id))?;
        let path = self.attachments_folder()?.join(&sha);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        if digest(&bytes) != sha {
            return Err(RecordsError::AttachmentAltered(path).into());
        }
        Ok(path)
    }

    /// The bytes of every file attached to the campaign's dossiers, by digest.
    pub(crate) fn campaign_attachment_bytes(
        &self,
        campaign: crate::model::CampaignId,
    ) -> Result<std::collections::BTreeMap<String, Vec<u8>>> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT a.sha256 FROM attachments a JOIN nominations n ON n.id = a.nomination_id
             WHERE n.campaign_id = ?1 ORDER BY a.sha256",
        )?;
        let shas = stmt.query_map([campaign.0], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = std::collections::BTreeMap::new();
        if shas.is_empty() {
            return Ok(out);
        }
        let folder = self.attachments_folder()?;
        for sha in shas {
            let path = folder.join(&sha);
            let bytes = std::fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            out.insert(sha, bytes);
        }
        Ok(out)
    }
}
