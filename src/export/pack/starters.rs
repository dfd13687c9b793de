//! A starter dataset and a Copy activity source that read the Google linked service.

use serde_json::{json, Value};

use crate::export::linked_service::Connector;

impl super::Pack<'_> {
    pub(super) fn dataset(&self) -> Value {
        let (name, kind) = match self.connector {
            Connector::BigQueryV2 => ("GoogleBigQueryDataset", "GoogleBigQueryV2Object"),
            Connector::GoogleAds => ("GoogleAdsDataset", "GoogleAdWordsObject"),
        };
        json!({
            "name": name,
            "properties": {
                "type": kind,
                "linkedServiceName": {"referenceName": self.google_name(), "type": "LinkedServiceReference"},
                "typeProperties": {},
            }
        })
    }

    pub(super) fn copy_source(&self) -> Value {
        match self.connector {
            Connector::BigQueryV2 => json!({"source": {
                "type": "GoogleBigQueryV2Source",
                "query": "SELECT 1 AS ok",
            }}),
            // GAQL, Google Ads' query language.
            Connector::GoogleAds => json!({"source": {
                "type": "GoogleAdWordsSource",
                "query": "SELECT customer.id, customer.descriptive_name FROM customer",
            }}),
        }
    }
}
