//! What the user pastes next: Azure Data Factory linked-service JSON and curl / PowerShell
//! equivalents of each request. Pure; filled in by the export issue.
