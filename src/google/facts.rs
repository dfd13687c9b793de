//! The dated facts about Google and Azure that the page's words and exports rest on, each
//! with where it was read and the day it was last checked. Google and Microsoft change
//! these every quarter: `scripts/facts` lists the ones whose check is older than
//! [`STALE_AFTER_DAYS`], and the page says once, quietly, when its facts were checked (the
//! oldest check, so it never claims more than it has).

/// Where a fact was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A page of the vendor's current documentation.
    Page(&'static str),
    /// No current page was found that states it: why it is believed anyway.
    NotFound(&'static str),
}

/// One dated fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// A short name, as code comments cite it (`facts::NAME`).
    pub name: &'static str,
    /// What is true, in a sentence.
    pub says: &'static str,
    pub source: Source,
    /// The day it was last checked against the source, `YYYY-MM-DD`.
    pub checked: &'static str,
}

/// How old a check may get before `scripts/facts` lists it.
pub const STALE_AFTER_DAYS: i64 = 90;

pub const ADS_DEVELOPER_TOKEN_SUNSET: Fact = Fact {
    name: "ADS_DEVELOPER_TOKEN_SUNSET",
    says: "Google sunset Google Ads developer tokens on 2026-09-09: the developer-token header \
           is optional and ignored; the API access level belongs to the Google Cloud project \
           that owns the OAuth client (or the service account); no manager account is needed.",
    source: Source::Page(
        "https://developers.google.com/google-ads/api/docs/api-policy/developer-token",
    ),
    checked: "2026-12-05",
};

pub const ADS_ACCESS_LEVELS: Fact = Fact {
    name: "ADS_ACCESS_LEVELS",
    says: "Access levels: Test (test accounts only, 15,000 operations a day, on enabling the \
           API), Explorer (production accounts, 2,880 operations a day, automated review), \
           Basic (15,000 a day, brand verification), Standard (unlimited, about 10 working \
           days); applied for on the project's Google Ads API Overview page in the Cloud \
           console.",
    source: Source::Page(
        "https://developers.google.com/google-ads/api/docs/api-policy/access-levels",
    ),
    checked: "2026-12-05",
};

pub const ADS_NEW_ERRORS: Fact = Fact {
    name: "ADS_NEW_ERRORS",
    says: "A project with Test access calling a production account gets \
           CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION from v25 on, ACTION_NOT_PERMITTED from \
           older versions; the fix is Explorer access on the Overview page.",
    source: Source::Page(
        "https://developers.google.com/google-ads/api/docs/api-policy/developer-token",
    ),
    checked: "2026-12-05",
};

pub const ADS_UNSUPPORTED_VERSION: Fact = Fact {
    name: "ADS_UNSUPPORTED_VERSION",
    says: "A call to a Google Ads API version past its sunset fails with UNSUPPORTED_VERSION.",
    source: Source::NotFound(
        "no Google Ads page in the stored documentation names the code (searched \
         2026-12-05); it is the code the review of issue 32 reported, and Ad Manager's \
         RequestError documents the same name for a discontinued version",
    ),
    checked: "2026-12-05",
};

pub const ADS_API_VERSIONS: Fact = Fact {
    name: "ADS_API_VERSIONS",
    says: "Live Google Ads API versions: v23 (sunset February 2027) to v26 (November 2027); \
           v22 was turned off on 2026-10-07.",
    source: Source::Page("https://developers.google.com/google-ads/api/docs/sunset-dates"),
    checked: "2026-12-03",
};

pub const ADF_ADS_DEVELOPER_TOKEN: Fact = Fact {
    name: "ADF_ADS_DEVELOPER_TOKEN",
    says: "Microsoft's Google Ads connector page still marks developerToken as required and \
           says nothing of Google's sunset; the REST model GoogleAdWordsLinkedService has \
           developerToken optional.",
    source: Source::Page("https://learn.microsoft.com/azure/data-factory/connector-google-adwords"),
    checked: "2026-12-05",
};

pub const TESTING_SEVEN_DAYS: Fact = Fact {
    name: "TESTING_SEVEN_DAYS",
    says: "An External app in Testing gets refresh tokens that end after 7 days \
           (refresh_token_expires_in); tokens unused for six months end; at most 100 live \
           refresh tokens per account per client.",
    source: Source::Page("https://developers.google.com/identity/protocols/oauth2#expiration"),
    checked: "2026-12-03",
};

pub const TIME_LIMITED_ACCESS: Fact = Fact {
    name: "TIME_LIMITED_ACCESS",
    says: "Google also sends refresh_token_expires_in when the user granted access for a \
           limited time on the consent screen (values of about 180 days are reported).",
    source: Source::NotFound(
        "no Google page in the stored documentation describes it (searched 2026-12-05); \
         reported by users, as issue 32 and DESIGN.md say",
    ),
    checked: "2026-12-05",
};

pub const WORKSPACE_TRUSTED_APP: Fact = Fact {
    name: "WORKSPACE_TRUSTED_APP",
    says: "A Google Workspace admin can mark an app Trusted (Admin console → Security → API \
           controls → Manage Third-Party App Access), besides making it Internal or publishing \
           it.",
    source: Source::Page(
        "https://developers.google.com/identity/protocols/oauth2/production-readiness/overview",
    ),
    checked: "2026-12-05",
};

pub const SYNAPSE_LINKED_SERVICES: Fact = Fact {
    name: "SYNAPSE_LINKED_SERVICES",
    says: "The Google BigQuery and Google Ads connector pages apply to Azure Data Factory and \
           Azure Synapse Analytics alike; Synapse deploys a linked service from its JSON with \
           Set-AzSynapseLinkedService -DefinitionFile (and az synapse linked-service create \
           --file).",
    source: Source::Page(
        "https://learn.microsoft.com/powershell/module/az.synapse/set-azsynapselinkedservice",
    ),
    checked: "2026-12-05",
};

pub const FABRIC_BIGQUERY: Fact = Fact {
    name: "FABRIC_BIGQUERY",
    says: "Microsoft Fabric Data Factory's Google BigQuery connector authenticates with a \
           service account login in pipelines (Copy, Lookup) and Copy jobs; an organizational \
           account only in Dataflow Gen2.",
    source: Source::Page(
        "https://learn.microsoft.com/fabric/data-factory/connector-google-bigquery-overview",
    ),
    checked: "2026-12-05",
};

pub const ADF_BIGQUERY_V2_VERSION: Fact = Fact {
    name: "ADF_BIGQUERY_V2_VERSION",
    says: "ADF's GoogleBigQueryV2 linked service takes \"version\": \"1.1\", which Microsoft \
           recommends; without it the linked service runs version 1.0.",
    source: Source::Page(
        "https://learn.microsoft.com/azure/data-factory/connector-google-bigquery",
    ),
    checked: "2026-12-03",
};

pub const ADF_BIGQUERY_V1_REMOVED: Fact = Fact {
    name: "ADF_BIGQUERY_V1_REMOVED",
    says: "The legacy GoogleBigQuery (V1) connector is in its removal stage: pipelines on it \
           fail after 2025-09-30.",
    source: Source::Page(
        "https://learn.microsoft.com/azure/data-factory/connector-google-bigquery-legacy",
    ),
    checked: "2026-12-05",
};

pub const GOOGLE_AUTH_PLATFORM: Fact = Fact {
    name: "GOOGLE_AUTH_PLATFORM",
    says: "The Cloud console's OAuth pages live under Google Auth Platform: Branding, \
           Audience (user type, publishing status), Clients, Data Access; a new client's \
           secret is shown once.",
    source: Source::Page("https://support.google.com/cloud/answer/15549945"),
    checked: "2026-11-29",
};

/// Every dated fact.
pub const ALL: &[Fact] = &[
    ADS_DEVELOPER_TOKEN_SUNSET,
    ADS_ACCESS_LEVELS,
    ADS_NEW_ERRORS,
    ADS_UNSUPPORTED_VERSION,
    ADS_API_VERSIONS,
    ADF_ADS_DEVELOPER_TOKEN,
    TESTING_SEVEN_DAYS,
    TIME_LIMITED_ACCESS,
    WORKSPACE_TRUSTED_APP,
    SYNAPSE_LINKED_SERVICES,
    FABRIC_BIGQUERY,
    ADF_BIGQUERY_V2_VERSION,
    ADF_BIGQUERY_V1_REMOVED,
    GOOGLE_AUTH_PLATFORM,
];

/// The day as days since 1970-01-01, if `date` is a real `YYYY-MM-DD` day.
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = date.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in)
        .contains(&d)
        .then(|| super::ads::days_from_civil(y as i32, m, d))
}

/// Whether ISO date `a` comes before `b` (byte order is date order for `YYYY-MM-DD`).
const fn earlier(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The oldest check among the facts, worked out when the page is built, so that the page
/// carries this one date and not the table.
pub const CHECKED_ON: &str = {
    let mut oldest = ALL[0].checked;
    let mut i = 1;
    while i < ALL.len() {
        if earlier(ALL[i].checked, oldest) {
            oldest = ALL[i].checked;
        }
        i += 1;
    }
    oldest
};

/// The oldest check among the facts: what "Facts checked on …" says.
pub fn checked_on() -> &'static str {
    CHECKED_ON
}

/// The facts whose check is older than [`STALE_AFTER_DAYS`] at `today` (days since the
/// epoch), oldest first.
pub fn stale(today: i64) -> Vec<&'static Fact> {
    let mut old: Vec<_> = ALL
        .iter()
        .filter(|f| day_number(f.checked).is_none_or(|d| today - d > STALE_AFTER_DAYS))
        .collect();
    old.sort_by_key(|f| f.checked);
    old
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_has_a_source_and_a_real_date() {
        assert!(!ALL.is_empty());
        for fact in ALL {
            assert!(!fact.says.trim().is_empty(), "{}", fact.name);
            match fact.source {
                Source::Page(url) => assert!(
                    url.starts_with("https://") && !url.contains(' '),
                    "{}: {url}",
                    fact.name
                ),
                Source::NotFound(why) => {
                    assert!(why.trim().len() > 20, "{}: say why", fact.name)
                }
            }
            assert!(
                day_number(fact.checked).is_some(),
                "{}: checked {:?}",
                fact.name,
                fact.checked
            );
        }
        let mut names: Vec<_> = ALL.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len(), "every name once");
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-12-05"), Some(20_792));
        assert_eq!(day_number("2024-02-29"), Some(19_782));
        for bad in [
            "",
            "2026-13-01",
            "2026-02-29",
            "2026-11-31",
            "26-12-05",
            "2026/12/05",
            "2026-1-5x",
            "２０２６-12-05",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_page_says_the_oldest_check_and_stale_facts_are_listed() {
        let oldest = ALL
            .iter()
            .map(|f| day_number(f.checked).unwrap())
            .min()
            .unwrap();
        assert_eq!(day_number(checked_on()), Some(oldest));
        assert_eq!(Some(checked_on()), ALL.iter().map(|f| f.checked).min());
        assert!(earlier("2026-11-29", "2026-12-03") && !earlier("2026-12-03", "2026-12-03"));
        assert!(stale(oldest).is_empty());
        assert!(stale(oldest + STALE_AFTER_DAYS).is_empty());
        let late = stale(oldest + STALE_AFTER_DAYS + 1);
        assert!(!late.is_empty() && late.iter().all(|f| f.checked == checked_on()));
        let all = stale(oldest + 1_000);
        assert_eq!(all.len(), ALL.len());
        assert!(
            all.windows(2).all(|w| w[0].checked <= w[1].checked),
            "oldest first"
        );
    }
}
