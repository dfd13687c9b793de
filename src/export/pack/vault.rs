//! `keyvault.sh` and `keyvault.ps1`: store each secret the linked service references and let
//! the factory's managed identity read them.

use super::{comment_safe, Source};
use crate::export::syntax::{ps_quote, sh_quote};

impl super::Pack<'_> {
    pub(super) fn keyvault_sh(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "#!/usr/bin/env bash\n\
             # Stores the secrets of the linked service {ls} in Key Vault {vault} and lets the data\n\
             # factory's managed identity read them. Each secret is read at a prompt into a file only\n\
             # you can read and handed to az with --file: it never appears on a command line or in\n\
             # your shell history. The linked service reads the latest version of each secret, so\n\
             # storing a new refresh token here needs no redeploy.\n\
             set -euo pipefail\n\
             umask 077\n\
             resource_group={rg}\n\
             factory={factory}\n\
             vault={vault}\n\
             secret_file=$(mktemp)\n\
             trap 'rm -f \"$secret_file\"' EXIT\n\
             \n\
             store_typed() {{\n\
             \x20 local value\n\
             \x20 IFS= read -rsp \"$2: \" value\n\
             \x20 echo\n\
             \x20 printf '%s' \"$value\" > \"$secret_file\"\n\
             \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$secret_file\" --encoding utf-8 --output none\n\
             \x20 : > \"$secret_file\"\n\
             }}\n\
             \n\
             store_file() {{\n\
             \x20 local path\n\
             \x20 IFS= read -rp \"$2 (path of the JSON file): \" path\n\
             \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$path\" --encoding utf-8 --output none\n\
             }}\n\
             {store_private_key}\n",
            ls = comment_safe(self.google_name()),
            vault = sh_quote(t.vault.trim()),
            rg = sh_quote(t.resource_group.trim()),
            factory = sh_quote(t.factory.trim()),
            store_private_key = if self.secrets.iter().any(|s| s.source() == Source::PrivateKeyOfFile) {
                // Python 3 reads the JSON (the Azure CLI itself needs it); the key goes to the
                // private file, never to a command line.
                "\n\
                 store_private_key() {\n\
                 \x20 local path\n\
                 \x20 IFS= read -rp \"$2 (path of the JSON file): \" path\n\
                 \x20 python3 -c 'import json, sys; sys.stdout.write(json.load(open(sys.argv[1]))[\"private_key\"])' \"$path\" > \"$secret_file\"\n\
                 \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$secret_file\" --encoding utf-8 --output none\n\
                 \x20 : > \"$secret_file\"\n\
                 }\n"
            } else {
                ""
            },
        );
        for s in self.secrets {
            let verb = match s.source() {
                Source::File => "store_file",
                Source::PrivateKeyOfFile => "store_private_key",
                Source::Typed => "store_typed",
            };
            out += &format!("{verb} {} {}\n", sh_quote(&s.name), sh_quote(s.label()));
        }
        out += "\n\
            # The factory's managed identity may read the secrets.\n\
            principal=$(az datafactory show --resource-group \"$resource_group\" --name \"$factory\" --query identity.principalId --output tsv)\n\
            vault_id=$(az keyvault show --name \"$vault\" --query id --output tsv)\n\
            # A vault with Azure RBAC (the default for new vaults):\n\
            az role assignment create --role 'Key Vault Secrets User' --assignee-object-id \"$principal\" --assignee-principal-type ServicePrincipal --scope \"$vault_id\" --output none\n\
            # A vault with access policies instead:\n\
            # az keyvault set-policy --name \"$vault\" --object-id \"$principal\" --secret-permissions get list --output none\n";
        out
    }

    pub(super) fn keyvault_ps1(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "# Stores the secrets of the linked service {ls} in Key Vault {vault} and lets the data\n\
             # factory's managed identity read them. Each secret is read at a prompt as a SecureString:\n\
             # it is never on a command line or in your history. The linked service reads the latest\n\
             # version of each secret, so storing a new refresh token here needs no redeploy.\n\
             $ErrorActionPreference = 'Stop'\n\
             $resourceGroup = {rg}\n\
             $factory = {factory}\n\
             $vault = {vault}\n\
             \n",
            ls = comment_safe(self.google_name()),
            vault = ps_quote(t.vault.trim()),
            rg = ps_quote(t.resource_group.trim()),
            factory = ps_quote(t.factory.trim()),
        );
        for s in self.secrets {
            let from_file = |read: &str| {
                format!(
                    "$path = Read-Host -Prompt {}\n$value = ConvertTo-SecureString -String {read} -AsPlainText -Force\n",
                    ps_quote(&format!("{} (path of the JSON file)", s.label()))
                )
            };
            let value = match s.source() {
                Source::File => from_file("(Get-Content -Raw -LiteralPath $path)"),
                Source::PrivateKeyOfFile => from_file(
                    "(Get-Content -Raw -LiteralPath $path | ConvertFrom-Json).private_key",
                ),
                Source::Typed => format!(
                    "$value = Read-Host -AsSecureString -Prompt {}\n",
                    ps_quote(s.label())
                ),
            };
            out += &value;
            out += &format!(
                "Set-AzKeyVaultSecret -VaultName $vault -Name {} -SecretValue $value | Out-Null\n",
                ps_quote(&s.name)
            );
        }
        out += "Remove-Variable value\n\
            \n\
            # The factory's managed identity may read the secrets.\n\
            $principal = (Get-AzDataFactoryV2 -ResourceGroupName $resourceGroup -Name $factory).Identity.PrincipalId\n\
            $vaultId = (Get-AzKeyVault -VaultName $vault).ResourceId\n\
            # A vault with Azure RBAC (the default for new vaults):\n\
            New-AzRoleAssignment -ObjectId $principal -RoleDefinitionName 'Key Vault Secrets User' -Scope $vaultId | Out-Null\n\
            # A vault with access policies instead:\n\
            # Set-AzKeyVaultAccessPolicy -VaultName $vault -ObjectId $principal -PermissionsToSecrets get,list\n";
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;
    use super::super::vault_secrets;
    use crate::export::linked_service::{Connector, VaultNames};
    use serde_json::json;

    #[test]
    fn the_key_vault_script_reads_secrets_at_a_prompt_never_from_arguments() {
        let dir = temp_dir("kv");
        stand_in_az(&dir);
        let ls = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads LS");
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let script = text(&files, "keyvault.sh");
        // The prompts come in the order of the linked service's properties.
        let order: Vec<String> = vault_secrets(&typed(&ls))
            .iter()
            .map(|s| s.name.clone())
            .collect();
        let values = [
            "dev-tok'en $HOME",
            "GOCSPX-se`cret`",
            "1//0g-refresh\\token",
        ];
        let stdin: String = values.iter().map(|v| format!("{v}\n")).collect();
        let (ok, err) = run(script, &dir, &stdin);
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        let sets: Vec<&Vec<String>> = calls
            .iter()
            .filter(|c| c[..3] == ["keyvault", "secret", "set"])
            .collect();
        assert_eq!(sets.len(), 3);
        for (call, name) in sets.iter().zip(&order) {
            assert_eq!(
                call[3..7],
                ["--vault-name", "kv-google", "--name", name.as_str()]
            );
        }
        let stored = std::fs::read_to_string(dir.join("az.log.files")).unwrap();
        let stored: Vec<&str> = stored
            .lines()
            .map(|l| l.trim_start_matches("FILE\0"))
            .collect();
        assert_eq!(stored, values, "each file holds exactly the typed value");
        for v in values {
            assert!(
                calls.iter().flatten().all(|a| !a.contains(v)),
                "{v} on a command line"
            );
        }
        let grant = calls
            .iter()
            .find(|c| c[..3] == ["role", "assignment", "create"])
            .unwrap();
        assert_eq!(
            grant[3..],
            [
                "--role",
                "Key Vault Secrets User",
                "--assignee-object-id",
                "00000000-principal",
                "--assignee-principal-type",
                "ServicePrincipal",
                "--scope",
                "/subscriptions/s/vault",
                "--output",
                "none"
            ]
        );
        assert!(script.contains("# az keyvault set-policy --name \"$vault\" --object-id \"$principal\" --secret-permissions get list"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_key_vault_script_stores_the_private_key_out_of_the_key_file() {
        let dir = temp_dir("kv-sa");
        stand_in_az(&dir);
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIE'$x`\n-----END PRIVATE KEY-----\n";
        let key = json!({"type": "service_account", "client_email": "sa@p.iam.gserviceaccount.com", "private_key": pem});
        let key_path = dir.join("key.json");
        std::fs::write(&key_path, key.to_string()).unwrap();
        let ls = ads_service_account();
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let script = text(&files, "keyvault.sh");
        // developerToken, then privateKey: the order of the linked service's properties.
        let stdin = format!("dev-token\n{}\n", key_path.display());
        let (ok, err) = run(script, &dir, &stdin);
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        let names: Vec<&str> = calls
            .iter()
            .filter(|c| c[..3] == ["keyvault", "secret", "set"])
            .map(|c| c[6].as_str())
            .collect();
        assert_eq!(
            names,
            [
                "google-ads-developer-token",
                "google-service-account-private-key"
            ]
        );
        let stored = std::fs::read_to_string(dir.join("az.log.files")).unwrap();
        assert_eq!(stored, format!("FILE\0dev-token\nFILE\0{pem}\n"));
        assert!(calls.iter().flatten().all(|a| !a.contains("MIIE")));
        let ps = text(&files, "keyvault.ps1");
        assert!(ps.contains("$value = ConvertTo-SecureString -String (Get-Content -Raw -LiteralPath $path | ConvertFrom-Json).private_key -AsPlainText -Force\nSet-AzKeyVaultSecret -VaultName $vault -Name 'google-service-account-private-key' -SecretValue $value | Out-Null\n"), "{ps}");
        // Without a private key to store, the script has no such step.
        let user = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads");
        assert!(!text(&files_of(&user), "keyvault.sh").contains("store_private_key"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn no_vault_secret_for_a_developer_token_that_was_not_given() {
        let mut ls = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads");
        ls["properties"]["typeProperties"]
            .as_object_mut()
            .unwrap()
            .remove("developerToken");
        let secrets = vault_secrets(&typed(&ls));
        let mut got: Vec<&str> = secrets.iter().map(|s| s.name.as_str()).collect();
        got.sort();
        assert_eq!(got, ["google-client-secret", "google-refresh-token"]);
        for file in files(&TARGET, Connector::GoogleAds, &ls) {
            assert!(
                !file.text.contains("developer-token") && !file.text.contains("developerToken"),
                "{}: {}",
                file.name,
                file.text
            );
        }
    }
}
