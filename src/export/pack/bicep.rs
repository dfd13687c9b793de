//! `linked-services.bicep`: a Bicep module for both linked services.

use super::{name_of, DATA_FACTORY_API};
use crate::export::syntax::{bicep_string, bicep_value};

impl super::Pack<'_> {
    pub(super) fn bicep(&self) -> String {
        format!(
            "// Deploy with: az deployment group create --resource-group <group> --template-file linked-services.bicep\n\
             param factoryName string = {factory}\n\
             param keyVaultLinkedServiceName string = {kv}\n\
             param googleLinkedServiceName string = {google}\n\
             \n\
             resource factory 'Microsoft.DataFactory/factories@{api}' existing = {{\n\
             \x20 name: factoryName\n\
             }}\n\
             \n\
             resource keyVault 'Microsoft.DataFactory/factories/linkedservices@{api}' = {{\n\
             \x20 parent: factory\n\
             \x20 name: keyVaultLinkedServiceName\n\
             \x20 properties: {kv_props}\n\
             }}\n\
             \n\
             resource google 'Microsoft.DataFactory/factories/linkedservices@{api}' = {{\n\
             \x20 parent: factory\n\
             \x20 name: googleLinkedServiceName\n\
             \x20 dependsOn: [\n\
             \x20   keyVault\n\
             \x20 ]\n\
             \x20 properties: {google_props}\n\
             }}\n",
            factory = bicep_string(self.target.factory.trim()),
            kv = bicep_string(name_of(self.vault_ls)),
            google = bicep_string(self.google_name()),
            api = DATA_FACTORY_API,
            kv_props = bicep_value(&self.vault_ls["properties"], 1),
            google_props = bicep_value(&self.google["properties"], 1),
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;

    #[test]
    fn bicep_and_powershell_files_follow_their_formatters_defaults() {
        let variants = [
            google(
                Connector::BigQueryV2,
                &VaultNames::default(),
                "my-project",
                "BQ",
            ),
            google(Connector::GoogleAds, &VaultNames::default(), "", "Ads"),
            ads_service_account(),
        ];
        for ls in &variants {
            for f in files_of(ls) {
                if f.name.ends_with(".bicep") || f.name.ends_with(".ps1") {
                    let problems = formatter_breaks(f.name, &f.text);
                    assert!(problems.is_empty(), "{problems:#?}\n{}", f.text);
                }
            }
        }
        // The rules catch what they are for.
        assert!(!formatter_breaks("a.bicep", "x {\n   y: 1\n}\n").is_empty());
        assert!(!formatter_breaks("a.bicep", "x {\n  y: 1 \n}\n").is_empty());
        assert!(!formatter_breaks("a.bicep", "x\n\n").is_empty());
        assert!(!formatter_breaks("a.ps1", "$a='b'\n").is_empty());
        assert!(!formatter_breaks("a.ps1", "if ($a) {\n  $b = 1\n}\n").is_empty());
        assert!(formatter_breaks("a.ps1", "$v = @'\n  {\n'@\n").is_empty());
    }
}
