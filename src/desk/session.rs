//! Signed-in browsers and failed sign-ins. A session is a random token in an HttpOnly,
//! SameSite=Strict cookie (also Secure when the desk is reached over https, see [`over_https`]), with its own CSRF token for every form; it ends after two idle hours
//! or at sign-out. Five wrong passwords for one account lock it for fifteen minutes. Nothing is
//! written to disk: restarting the desk signs everyone out.

use super::accounts::{Account, Role};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const COOKIE: &str = "civic_desk";
const IDLE: Duration = Duration::from_secs(2 * 3600);
const MAX_FAILURES: u32 = 5;
const LOCKOUT: Duration = Duration::from_secs(15 * 60);

/// Who is at a browser, and the token their forms must carry.
#[derive(Clone, Debug)]
pub struct Session {
    pub user: String,
    pub roles: Vec<Role>,
    pub csrf: String,
}

impl Session {
    pub fn can(&self, role: Role) -> bool {
        self.roles.contains(&role) || self.roles.contains(&Role::Admin)
    }
}

struct Open {
    session: Session,
    last_seen: Instant,
}

struct Failures {
    count: u32,
    since: Instant,
}

#[derive(Default)]
pub struct Sessions {
    open: Mutex<HashMap<String, Open>>,
    failures: Mutex<HashMap<String, Failures>>,
}

/// The `Set-Cookie` value of a session token (empty: the cookie removed). `Secure` when the
/// browser reached the desk over https (through an office proxy that terminates TLS and says
/// so); on plain http a `Secure` cookie would never be sent back and nobody could sign in.
pub fn set_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let gone = if token.is_empty() { "; Max-Age=0" } else { "" };
    format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/{secure}{gone}")
}

/// Whether the request came over https: a proxy in front of the desk says so with
/// `X-Forwarded-Proto: https` or `Forwarded: proto=https` (the desk itself speaks plain http,
/// meant for 127.0.0.1 or behind such a proxy). A client that claims https falsely only makes
/// its own cookie stricter.
pub fn over_https(headers: &axum::http::HeaderMap) -> bool {
    let value = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let forwarded_proto = value("x-forwarded-proto")
        .iter()
        .any(|v| v.split(',').next().is_some_and(|p| p.trim() == "https"));
    let forwarded = value("forwarded").iter().any(|v| {
        v.split([';', ','])
            .any(|part| part.trim().replace('"', "") == "proto=https")
    });
    forwarded_proto || forwarded
}

/// 32 random bytes, as hex.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Sessions {
    /// Starts a session for `account`; its cookie token.
    pub fn open(&self, account: &Account) -> String {
        let token = token();
        let session = Session {
            user: account.name.clone(),
            roles: account.roles.clone(),
            csrf: self::token(),
        };
        if let Ok(mut open) = self.open.lock() {
            open.retain(|_, o| o.last_seen.elapsed() < IDLE);
            open.insert(
                token.clone(),
                Open {
                    session,
                    last_seen: Instant::now(),
                },
            );
        }
        token
    }

    /// The session of a cookie token, if it is open and not idle too long.
    pub fn get(&self, token: &str) -> Option<Session> {
        let mut open = self.open.lock().ok()?;
        let entry = open.get_mut(token)?;
        if entry.last_seen.elapsed() >= IDLE {
            open.remove(token);
            return None;
        }
        entry.last_seen = Instant::now();
        Some(entry.session.clone())
    }

    pub fn close(&self, token: &str) {
        if let Ok(mut open) = self.open.lock() {
            open.remove(token);
        }
    }

    /// How long `name` stays locked after too many wrong passwords, if it is.
    pub fn locked(&self, name: &str) -> Option<Duration> {
        let failures = self.failures.lock().ok()?;
        let f = failures.get(name)?;
        (f.count >= MAX_FAILURES && f.since.elapsed() < LOCKOUT)
            .then(|| LOCKOUT.saturating_sub(f.since.elapsed()))
    }

    pub fn failed(&self, name: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            let f = failures.entry(name.to_string()).or_insert(Failures {
                count: 0,
                since: Instant::now(),
            });
            if f.since.elapsed() >= LOCKOUT {
                *f = Failures {
                    count: 0,
                    since: Instant::now(),
                };
            }
            f.count += 1;
        }
    }

    pub fn succeeded(&self, name: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_an_account() {
        let s = Sessions::default();
        for _ in 0..4 {
            s.failed("王编辑");
        }
        assert!(s.locked("王编辑").is_none());
        s.failed("王编辑");
        assert!(s.locked("王编辑").is_some());
        assert!(s.locked("李审核").is_none());
    }

    #[test]
    fn the_cookie_is_secure_behind_a_proxy_that_says_https() {
        let mut h = axum::http::HeaderMap::new();
        assert!(!over_https(&h));
        assert!(!set_cookie("t", false).contains("Secure"));
        h.insert("x-forwarded-proto", "https".parse().expect("value"));
        assert!(over_https(&h));
        let mut f = axum::http::HeaderMap::new();
        f.insert(
            "forwarded",
            "for=10.0.0.2;Proto=HTTPS".parse().expect("value"),
        );
        assert!(over_https(&f));
        let c = set_cookie("t", true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.ends_with("; Secure"));
        assert!(set_cookie("", true).ends_with("Max-Age=0"));
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let (a, b) = (token(), token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert!(same_token(&a, &a.clone()) && !same_token(&a, &b) && !same_token(&a, ""));
    }
}
