//! `deploy.sh`: both linked services created with the Azure CLI from files.

use super::name_of;
use crate::export::linked_service::pretty;
use crate::export::syntax::sh_json_file;
use crate::export::syntax::sh_quote;

impl super::Pack<'_> {
    pub(super) fn deploy_sh(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "#!/usr/bin/env bash\n\
             # Deploys the Key Vault linked service, then the Google one that reads it.\n\
             set -euo pipefail\n\
             resource_group={rg}\n\
             factory={factory}\n\
             # Or deploy a template instead:\n\
             #   az deployment group create --resource-group \"$resource_group\" --template-file linked-services.bicep\n",
            rg = sh_quote(t.resource_group.trim()),
            factory = sh_quote(t.factory.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.properties.json"),
            (self.google, "google-linked-service.properties.json"),
        ] {
            out += &sh_json_file(file, &pretty(&ls["properties"]));
            out += &format!(
                "az datafactory linked-service create --resource-group \"$resource_group\" --factory-name \"$factory\" --name {} --properties @{file} --output none\n",
                sh_quote(name_of(ls)),
            );
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;
    use crate::export::linked_service::{Connector, VaultNames};
    use crate::export::pack::{key_vault_linked_service, Target};
    use proptest::prelude::*;
    use serde_json::Value;

    #[test]
    fn deploy_script_creates_both_linked_services_from_files() {
        let dir = temp_dir("deploy");
        stand_in_az(&dir);
        let ls = google(
            Connector::BigQueryV2,
            &VaultNames::default(),
            "my-project",
            "GoogleLS",
        );
        let files = files(&TARGET, Connector::BigQueryV2, &ls);
        let (ok, err) = run(text(&files, "deploy.sh"), &dir, "");
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        assert_eq!(calls.len(), 2);
        for (i, (call, expected)) in calls
            .iter()
            .zip([&key_vault_linked_service(&TARGET), &ls])
            .enumerate()
        {
            assert_eq!(
                call[..9],
                [
                    "datafactory",
                    "linked-service",
                    "create",
                    "--resource-group",
                    "rg-data",
                    "--factory-name",
                    "adf-prod",
                    "--name",
                    expected["name"].as_str().unwrap()
                ]
            );
            let props =
                std::fs::read_to_string(dir.join(format!("az.log.props.{}", i + 1))).unwrap();
            assert_eq!(
                serde_json::from_str::<Value>(&props).unwrap(),
                expected["properties"]
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn hostile_names_reach_az_exactly(group in hostile(), factory in hostile(), ls_name in hostile()) {
            prop_assume!(!group.trim().is_empty() && !factory.trim().is_empty() && !ls_name.trim().is_empty());
            let dir = temp_dir("hostile");
            stand_in_az(&dir);
            let ls = google(Connector::BigQueryV2, &VaultNames::default(), "p", &ls_name);
            let target = Target { resource_group: &group, factory: &factory, ..TARGET };
            let files = files(&target, Connector::BigQueryV2, &ls);
            let (ok, err) = run(text(&files, "deploy.sh"), &dir, "");
            prop_assert!(ok, "{}", err);
            let calls = az_calls(&dir);
            prop_assert_eq!(&calls[1][4], group.trim());
            prop_assert_eq!(&calls[1][6], factory.trim());
            prop_assert_eq!(&calls[1][8], ls_name.trim());
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
