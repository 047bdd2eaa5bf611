//! `civic verify`'s reader of what a server sent (an HTML page, a sitemap, robots.txt) on
//! arbitrary bytes: no panic, every link resolved against the page's URL, no fragment kept, and
//! never more links than the body has bytes.
#![no_main]

use civic::integrity::links_in;
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let Ok(base) = Url::parse("https://wenming.example.cn/news/") else {
        return;
    };
    for path in ["news/index.html", "sitemap.xml", "robots.txt", "x.htm"] {
        let links = links_in(path, &base, data);
        assert!(links.len() <= data.len(), "{path}: more links than bytes");
        for link in &links {
            assert!(
                link.fragment().is_none(),
                "{path}: {link} keeps its fragment"
            );
        }
    }
});
