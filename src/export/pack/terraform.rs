//! `linked-services.tf`: Terraform (azurerm) for both linked services, laid out as
//! `terraform fmt` writes it.

use serde_json::{Map, Value};

use super::{comment_safe, name_of};
use crate::export::syntax::{hcl_aligned, hcl_string, hcl_value};

impl super::Pack<'_> {
    pub(super) fn terraform(&self) -> String {
        let t = self.target;
        hcl_aligned(&format!(
            "# The factory and the vault are looked up in the resource group {rg_comment}.\n\
             data \"azurerm_data_factory\" \"factory\" {{\n\
             \x20 name = {factory}\n\
             \x20 resource_group_name = {rg}\n\
             }}\n\
             \n\
             data \"azurerm_key_vault\" \"vault\" {{\n\
             \x20 name = {vault}\n\
             \x20 resource_group_name = {rg}\n\
             }}\n\
             \n\
             resource \"azurerm_data_factory_linked_service_key_vault\" \"vault\" {{\n\
             \x20 name = {kv}\n\
             \x20 data_factory_id = data.azurerm_data_factory.factory.id\n\
             \x20 key_vault_id = data.azurerm_key_vault.vault.id\n\
             }}\n\
             \n\
             resource \"azurerm_data_factory_linked_custom_service\" \"google\" {{\n\
             \x20 name = {google}\n\
             \x20 data_factory_id = data.azurerm_data_factory.factory.id\n\
             \x20 type = {type_name}\n\
             \x20 type_properties_json = jsonencode({props}){extra}\n\
             \x20 depends_on = [azurerm_data_factory_linked_service_key_vault.vault]\n\
             }}\n",
            rg_comment = comment_safe(t.resource_group.trim()),
            factory = hcl_string(t.factory.trim()),
            rg = hcl_string(t.resource_group.trim()),
            vault = hcl_string(t.vault.trim()),
            kv = hcl_string(name_of(self.vault_ls)),
            google = hcl_string(self.google_name()),
            type_name = hcl_string(self.connector.type_name()),
            props = hcl_value(&self.google["properties"]["typeProperties"], 1),
            extra = self.terraform_extra(),
        ))
    }

    /// The linked service's properties beside `type` and `typeProperties`: `connectVia` as
    /// the `integration_runtime` block, the rest (BigQuery's `version`) in
    /// `additional_properties`.
    pub(super) fn terraform_extra(&self) -> String {
        let properties = &self.typed.properties;
        let mut out = String::new();
        if let Some(runtime) = &properties.connect_via {
            out += &format!(
                "\n  integration_runtime {{\n    name = {}\n  }}",
                hcl_string(&runtime.reference_name)
            );
        }
        let mut rest = Map::new();
        if let Some(version) = &properties.version {
            rest.insert("version".into(), Value::String(version.clone()));
        }
        if !rest.is_empty() {
            out = format!(
                "\n  additional_properties = {}{out}",
                hcl_value(&Value::Object(rest), 1)
            );
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;
    use crate::export::linked_service::{Connector, VaultNames};
    use crate::export::syntax::hcl_aligned;

    #[test]
    fn the_terraform_file_is_laid_out_as_terraform_fmt_lays_it_out() {
        let ls = google(
            Connector::BigQueryV2,
            &VaultNames::default(),
            "my-project",
            "GoogleLS",
        );
        let files = files(&TARGET, Connector::BigQueryV2, &ls);
        let tf = text(&files, "linked-services.tf");
        assert_eq!(hcl_aligned(tf), tf);
        assert!(
            tf.contains(
                "\n  name                = \"adf-prod\"\n  resource_group_name = \"rg-data\"\n"
            ),
            "{tf}"
        );
        assert!(tf.contains("\n  name            = \"GoogleLS\"\n  data_factory_id = data.azurerm_data_factory.factory.id\n  type            = \"GoogleBigQueryV2\"\n  type_properties_json = jsonencode({\n"), "{tf}");
        assert!(
            tf.contains("\n    \"authenticationType\" = \"UserAuthentication\"\n"),
            "{tf}"
        );
    }
}
