//! The session cookie: HttpOnly and SameSite=Strict always, Secure when the browser reached the
//! desk over https through the office's proxy (which says so in X-Forwarded-Proto).

use super::{review_site, sign_in, start};
use crate::common::http::{form, request};

#[test]
fn the_session_cookie_is_secure_when_the_proxy_says_https() {
    let f = review_site();
    let desk = start(f.root(), "0.0.0.0");
    let plain = sign_in(&desk, "王编辑", "long enough password");
    let cookie = plain.header("set-cookie").expect("a cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");

    let body = form(&[("name", "王编辑"), ("password", "long enough password")]);
    let headers = [("X-Forwarded-Proto", "https")];
    let proxied = request(&desk.host, "POST", "/desk/login", &headers, &body);
    assert_eq!(proxied.status, 303);
    let cookie = proxied.header("set-cookie").expect("a cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Secure"),
        "{cookie}"
    );
}
