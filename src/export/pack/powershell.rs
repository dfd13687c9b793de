//! `deploy.ps1`: both linked services created with Az PowerShell from definition files.

use super::name_of;
use crate::export::linked_service::pretty;
use crate::export::syntax::ps_json_file;
use crate::export::syntax::ps_quote;

impl super::Pack<'_> {
    pub(super) fn deploy_ps1(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "# Deploys the Key Vault linked service, then the Google one that reads it.\n\
             $ErrorActionPreference = 'Stop'\n\
             $resourceGroup = {rg}\n\
             $factory = {factory}\n",
            rg = ps_quote(t.resource_group.trim()),
            factory = ps_quote(t.factory.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.json"),
            (self.google, "google-linked-service.json"),
        ] {
            out += &ps_json_file(file, &pretty(ls));
            out += &format!(
                "Set-AzDataFactoryV2LinkedService -ResourceGroupName $resourceGroup -DataFactoryName $factory -Name {} -DefinitionFile '{file}' -Force | Out-Null\n",
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
    use serde_json::Value;

    #[test]
    fn powershell_names_every_value_in_verbatim_strings() {
        let ls = google(Connector::GoogleAds, &VaultNames::default(), "", "GoogleLS");
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let kv = text(&files, "keyvault.ps1");
        assert!(kv.contains("$vault = 'kv-google'\n"));
        assert!(kv.contains("$value = Read-Host -AsSecureString -Prompt 'Refresh token'\nSet-AzKeyVaultSecret -VaultName $vault -Name 'google-refresh-token' -SecretValue $value"));
        assert!(kv.contains("New-AzRoleAssignment -ObjectId $principal -RoleDefinitionName 'Key Vault Secrets User' -Scope $vaultId"));
        let deploy = text(&files, "deploy.ps1");
        // The here-string holds the JSON verbatim.
        let start = deploy
            .find("google-linked-service.json' -Encoding utf8 -Value @'\n")
            .unwrap();
        let body = &deploy[start..];
        let json_start = body.find("@'\n").unwrap() + 3;
        let json_end = body.find("\n'@\n").unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&body[json_start..json_end]).unwrap(),
            ls
        );
        assert!(deploy.contains("Set-AzDataFactoryV2LinkedService -ResourceGroupName $resourceGroup -DataFactoryName $factory -Name 'GoogleLS' -DefinitionFile 'google-linked-service.json' -Force"));
    }
}
