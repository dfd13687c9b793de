//! `linked-services.json`: an ARM template for both linked services.

use serde_json::{json, Map, Value};

use super::{name_of, DATA_FACTORY_API};
use crate::export::syntax::arm_literal;

impl super::Pack<'_> {
    pub(super) fn arm(&self) -> Value {
        let resource = |param: &str, ls: &Value, depends: Option<&str>| {
            let mut r = Map::new();
            r.insert(
                "type".into(),
                "Microsoft.DataFactory/factories/linkedservices".into(),
            );
            r.insert("apiVersion".into(), DATA_FACTORY_API.into());
            r.insert(
                "name".into(),
                format!(
                    "[format('{{0}}/{{1}}', parameters('factoryName'), parameters('{param}'))]"
                )
                .into(),
            );
            r.insert("properties".into(), arm_literal(ls["properties"].clone()));
            if let Some(other) = depends {
                r.insert(
                    "dependsOn".into(),
                    json!([format!("[resourceId('Microsoft.DataFactory/factories/linkedservices', parameters('factoryName'), parameters('{other}'))]")]),
                );
            }
            Value::Object(r)
        };
        let default = |v: &str| json!({"type": "string", "defaultValue": arm_literal(Value::String(v.into()))});
        json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {
                "factoryName": default(self.target.factory.trim()),
                "keyVaultLinkedServiceName": default(name_of(self.vault_ls)),
                "googleLinkedServiceName": default(self.google_name()),
            },
            "resources": [
                resource("keyVaultLinkedServiceName", self.vault_ls, None),
                resource("googleLinkedServiceName", self.google, Some("keyVaultLinkedServiceName")),
            ]
        })
    }
}
