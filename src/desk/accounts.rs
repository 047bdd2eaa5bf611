//! Who may sign in to the desk and what each may do. Accounts live in the site's
//! `.civic/desk-accounts.json`: never in site.yaml, never in the output, passwords only as
//! Argon2id hashes (memory-hard, salted). `civic desk add-user` writes them.

use crate::messages::Text;
use crate::review::Level;
use crate::text;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::path::{Path, PathBuf};

/// The accounts file, relative to the site.
pub const FILE: &str = ".civic/desk-accounts.json";

/// A password shorter than this is refused.
pub const MIN_PASSWORD: usize = 10;

/// What an account may do. An administrator may do everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Editor,
    #[serde(rename = "reviewer-1")]
    Reviewer1,
    #[serde(rename = "reviewer-2")]
    Reviewer2,
    #[serde(rename = "reviewer-3")]
    Reviewer3,
    Publisher,
    Admin,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Editor,
        Role::Reviewer1,
        Role::Reviewer2,
        Role::Reviewer3,
        Role::Publisher,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Reviewer1 => "reviewer-1",
            Role::Reviewer2 => "reviewer-2",
            Role::Reviewer3 => "reviewer-3",
            Role::Publisher => "publisher",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// The review level a reviewer role signs.
    pub fn reviewer_of(level: Level) -> Role {
        match level.get() {
            1 => Role::Reviewer1,
            2 => Role::Reviewer2,
            _ => Role::Reviewer3,
        }
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub name: String,
    pub roles: Vec<Role>,
    /// The PHC string of the Argon2id hash.
    password: String,
}

impl Account {
    pub fn can(&self, role: Role) -> bool {
        self.roles.contains(&role) || self.roles.contains(&Role::Admin)
    }
}

fn file(root: &Path) -> PathBuf {
    root.join(FILE)
}

/// The site's accounts; none when the file does not exist yet.
pub fn load(root: &Path) -> Result<Vec<Account>, Text> {
    let path = file(root);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let bytes = crate::paths::read_regular(&path, crate::paths::CONFIG_LIMIT).map_err(|p| {
        text!(
            "desk-accounts-unreadable",
            path = path.as_path(),
            why = p.text()
        )
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        text!(
            "desk-accounts-unreadable",
            path = path.as_path(),
            why = e.to_string()
        )
    })
}

/// Adds `name` with `roles` and `password`, or replaces the account of that name.
pub fn add(root: &Path, name: &str, roles: &[Role], password: &str) -> Result<(), Text> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(|c| c.is_control()) {
        return Err(text!("desk-account-name-invalid"));
    }
    if password.chars().count() < MIN_PASSWORD {
        return Err(text!("desk-password-too-short", min = MIN_PASSWORD as i64));
    }
    let salt = SaltString::generate(&mut OsRng);
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| text!("desk-accounts-unwritable", why = e.to_string()))?
        .to_string();
    let mut accounts = load(root)?;
    accounts.retain(|a| a.name != name);
    accounts.push(Account {
        name: name.to_string(),
        roles: roles.to_vec(),
        password: hash,
    });
    let json = serde_json::to_vec_pretty(&accounts)
        .map_err(|e| text!("desk-accounts-unwritable", why = e.to_string()))?;
    crate::paths::write_file_atomically(&file(root), &json)
        .map_err(|e| text!("desk-accounts-unwritable", why = e.to_string()))
}

/// The account `name` if `password` is its password. The hash is checked even for an unknown
/// name, so the answer takes as long either way.
pub fn verify<'a>(accounts: &'a [Account], name: &str, password: &str) -> Option<&'a Account> {
    const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$8V6Pu5oAnhZqiXEelC1PqfmXPzBbljMUA4CeDsVkOAY";
    let account = accounts.iter().find(|a| a.name == name.trim());
    let stored = account.map_or(DECOY, |a| a.password.as_str());
    let ok = PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    });
    account.filter(|_| ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_stored_hashed_and_checked() {
        let dir = tempfile::tempdir().expect("dir");
        add(
            dir.path(),
            "王编辑",
            &[Role::Editor],
            "correct horse battery",
        )
        .expect("add");
        let text = std::fs::read_to_string(dir.path().join(FILE)).expect("file");
        assert!(text.contains("$argon2id$") && !text.contains("correct horse"));
        let accounts = load(dir.path()).expect("load");
        assert!(verify(&accounts, "王编辑", "correct horse battery").is_some());
        assert!(verify(&accounts, "王编辑", "wrong password!").is_none());
        assert!(verify(&accounts, "李四", "correct horse battery").is_none());
        assert!(add(dir.path(), "x", &[Role::Editor], "short").is_err());
    }
}
