//! The quiz answers' URL parser: any query string. Never panics, and what it reads writes back
//! to a query that reads the same (the link a person shares is the quiz they left).

#![no_main]

use eer_domain::answers::Answers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let answers = Answers::from_query(query);
    let written = answers.to_query();
    assert_eq!(Answers::from_query(&written), answers, "{written}");
    // The written form is what the interest form's `answers` field accepts: printable ASCII,
    // no space, no `@` (so no email can ride along).
    assert!(
        written
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'@' | b'<' | b'>' | b'"' | b'\\')),
        "{written}"
    );
    let _ = answers.is_complete();
    let _ = answers.next_question();
});
