//! `deploy-synapse.sh` and `deploy-synapse.ps1`: the same two linked services in an Azure
//! Synapse workspace, whose pipelines take the same linked-service JSON as Data Factory
//! (Microsoft's Google BigQuery V2 and Google Ads connector pages apply to both;
//! `google::facts::SYNAPSE_LINKED_SERVICES`). The workspace's managed identity is given
//! read access to the vault's secrets, as `keyvault.sh` does for the factory's.
//!
//! Sources: Az PowerShell `Set-AzSynapseLinkedService -WorkspaceName -Name -DefinitionFile`
//! (the whole `{name, properties}` JSON) and `Get-AzSynapseWorkspace` (`Identity.PrincipalId`);
//! Azure CLI `az synapse linked-service create --workspace-name --name --file @path` and
//! `az synapse workspace show --query identity.principalId` (the CLI's reference; the search
//! tool's stored pages hold the PowerShell one only, checked 2026-12-05). No secret is in
//! either script: the linked services read the vault.

use super::name_of;
use crate::export::linked_service::pretty;
use crate::export::syntax::{ps_json_file, sh_json_file};
use crate::export::syntax::{ps_quote, sh_quote};

impl super::Pack<'_> {
    pub(super) fn deploy_synapse_sh(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "#!/usr/bin/env bash\n\
             # Deploys the Key Vault linked service, then the Google one that reads it, to an Azure\n\
             # Synapse workspace: bash deploy-synapse.sh WORKSPACE_NAME\n\
             set -euo pipefail\n\
             workspace=${{1:?Usage: bash deploy-synapse.sh WORKSPACE_NAME (the Synapse workspace)}}\n\
             resource_group={rg}\n\
             vault={vault}\n\
             # The workspace's managed identity may read the secrets.\n\
             principal=$(az synapse workspace show --resource-group \"$resource_group\" --name \"$workspace\" --query identity.principalId --output tsv)\n\
             vault_id=$(az keyvault show --name \"$vault\" --query id --output tsv)\n\
             az role assignment create --role 'Key Vault Secrets User' --assignee-object-id \"$principal\" --assignee-principal-type ServicePrincipal --scope \"$vault_id\" --output none\n",
            rg = sh_quote(t.resource_group.trim()),
            vault = sh_quote(t.vault.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.json"),
            (self.google, "google-linked-service.json"),
        ] {
            out += &sh_json_file(file, &pretty(ls));
            out += &format!(
                "az synapse linked-service create --workspace-name \"$workspace\" --name {} --file @{file} --output none\n",
                sh_quote(name_of(ls)),
            );
        }
        out
    }

    pub(super) fn deploy_synapse_ps1(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "# Deploys the Key Vault linked service, then the Google one that reads it, to an Azure\n\
             # Synapse workspace: ./deploy-synapse.ps1 -Workspace NAME\n\
             param([Parameter(Mandatory = $true)][string]$Workspace)\n\
             $ErrorActionPreference = 'Stop'\n\
             $resourceGroup = {rg}\n\
             $vault = {vault}\n\
             # The workspace's managed identity may read the secrets.\n\
             $principal = (Get-AzSynapseWorkspace -ResourceGroupName $resourceGroup -Name $Workspace).Identity.PrincipalId\n\
             $vaultId = (Get-AzKeyVault -VaultName $vault).ResourceId\n\
             New-AzRoleAssignment -ObjectId $principal -RoleDefinitionName 'Key Vault Secrets User' -Scope $vaultId | Out-Null\n",
            rg = ps_quote(t.resource_group.trim()),
            vault = ps_quote(t.vault.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.json"),
            (self.google, "google-linked-service.json"),
        ] {
            out += &ps_json_file(file, &pretty(ls));
            out += &format!(
                "Set-AzSynapseLinkedService -WorkspaceName $Workspace -Name {} -DefinitionFile '{file}' | Out-Null\n",
                ps_quote(name_of(ls)),
            );
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;
    use crate::export::linked_service::{Connector, VaultNames};
    use crate::export::pack::key_vault_linked_service;
    use serde_json::Value;

    #[test]
    fn synapse_gets_both_linked_services_from_files_and_its_identity_reads_the_vault() {
        for connector in Connector::ALL {
            let dir = temp_dir("synapse");
            stand_in_az(&dir);
            let ls = google(connector, &VaultNames::default(), "my-project", "GoogleLS");
            let files = files(&TARGET, connector, &ls);
            let script = text(&files, "deploy-synapse.sh");
            // Without the workspace it stops before calling anything.
            let (ok, err) = run(script, &dir, "");
            assert!(
                !ok && err.contains("Usage: bash deploy-synapse.sh WORKSPACE_NAME"),
                "{err}"
            );
            assert!(!dir.join("az.log").exists());

            let (ok, err) = run_with_args(script, &dir, "", &["syn-prod"]);
            assert!(ok, "{err}");
            let calls = az_calls(&dir);
            assert_eq!(calls.len(), 5, "{calls:?}");
            assert_eq!(
                calls[0],
                [
                    "synapse",
                    "workspace",
                    "show",
                    "--resource-group",
                    "rg-data",
                    "--name",
                    "syn-prod",
                    "--query",
                    "identity.principalId",
                    "--output",
                    "tsv"
                ]
            );
            assert_eq!(calls[2][..3], ["role", "assignment", "create"]);
            assert!(calls[2].contains(&"00000000-principal".to_owned()));
            assert!(calls[2].contains(&"/subscriptions/s/vault".to_owned()));
            for (i, expected) in [&key_vault_linked_service(&TARGET), &ls].iter().enumerate() {
                let call = &calls[3 + i];
                assert_eq!(
                    call[..7],
                    [
                        "synapse",
                        "linked-service",
                        "create",
                        "--workspace-name",
                        "syn-prod",
                        "--name",
                        expected["name"].as_str().unwrap()
                    ]
                );
                // The file read back is the linked service itself.
                let sent =
                    std::fs::read_to_string(dir.join(format!("az.log.props.{}", 4 + i))).unwrap();
                assert_eq!(serde_json::from_str::<Value>(&sent).unwrap(), **expected);
            }
        }
    }

    #[test]
    fn the_synapse_powershell_script_deploys_the_same_definitions() {
        let ls = google(
            Connector::GoogleAds,
            &VaultNames::default(),
            "",
            "Ads 'quoted' LS",
        );
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let ps = text(&files, "deploy-synapse.ps1");
        assert!(ps.contains("param([Parameter(Mandatory = $true)][string]$Workspace)\n"));
        assert!(ps.contains(
            "Set-AzSynapseLinkedService -WorkspaceName $Workspace -Name 'Ads ''quoted'' LS' -DefinitionFile 'google-linked-service.json' | Out-Null\n"
        ));
        // The here-strings hold the definitions, read back as JSON.
        let bodies: Vec<Value> = ps
            .split("-Value @'\n")
            .skip(1)
            .map(|rest| serde_json::from_str(&rest[..rest.find("\n'@").unwrap()]).unwrap())
            .collect();
        assert_eq!(bodies, [key_vault_linked_service(&TARGET), ls]);
        assert!(!ps.contains("SecureString") && !ps.contains("Read-Host"));
    }
}
