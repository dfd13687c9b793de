//! A calendar reminder (RFC 5545 iCalendar) for a refresh token's known expiry, built in the
//! page and downloaded; nothing is sent. The alarm fires a day before.

/// `YYYYMMDDTHHMMSSZ` for a moment in milliseconds since the epoch (UTC).
pub fn utc_stamp(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil: the proleptic Gregorian date of a day count.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A content line folded as RFC 5545 §3.1 asks: at most 75 octets a line, each continuation
/// starting with one space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 37);
    let mut room = 75;
    for c in line.chars() {
        if c.len_utf8() > room {
            out.push_str("\r\n ");
            room = 74;
        }
        out.push(c);
        room -= c.len_utf8();
    }
    out
}

/// An event at `expires_ms` with a reminder a day before. `now_ms` stamps it and makes its UID.
pub fn expiry_reminder(summary: &str, description: &str, expires_ms: f64, now_ms: f64) -> String {
    let at = utc_stamp(expires_ms);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Refresh Token Helper//EN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-refresh-token@refresh-token-helper", now_ms as i64),
        format!("DTSTAMP:{}", utc_stamp(now_ms)),
        format!("DTSTART:{at}"),
        format!("DTEND:{at}"),
        format!("SUMMARY:{}", text(summary)),
        format!("DESCRIPTION:{}", text(description)),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", text(summary)),
        "TRIGGER:-P1D".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    folded.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_calendar_dates() {
        assert_eq!(utc_stamp(0.0), "19700101T000000Z");
        // 2026-11-29T05:58:35Z
        assert_eq!(utc_stamp(1_795_931_915_000.0), "20261129T055835Z");
        // A leap day.
        assert_eq!(utc_stamp(951_782_400_000.0), "20000229T000000Z");
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_between_characters() {
        let description = format!("Get a new token — {} ünd", "é".repeat(60));
        let ics = expiry_reminder("Refresh token expires", &description, 0.0, 0.0);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("\r\nDESCRIPTION:{description}\r\n")));
        assert_eq!(fold("short"), "short");
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), exact);
        assert_eq!(fold(&"x".repeat(76)), format!("{exact}\r\n x"));
    }

    #[test]
    fn the_reminder_fires_a_day_before_the_expiry() {
        let ics = expiry_reminder(
            "Google refresh token expires",
            "Get a new one, then update ADF; a, b; c",
            1_796_536_715_000.0,
            1_795_931_915_000.0,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("\r\nDTSTART:20261206T055835Z\r\n"));
        assert!(ics.contains("\r\nTRIGGER:-P1D\r\n"));
        assert!(ics.contains("DESCRIPTION:Get a new one\\, then update ADF\\; a\\, b\\; c"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let count = |prefix: &str| ics.lines().filter(|l| l.starts_with(prefix)).count();
        assert_eq!(count("BEGIN:"), 3);
        assert_eq!(count("END:"), 3);
    }
}
