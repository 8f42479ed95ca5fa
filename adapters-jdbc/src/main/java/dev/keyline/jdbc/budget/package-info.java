/** The budget area's repositories in the JDBC provider: CAPEX projects, migrations 650–699 of the area's block. */
package dev.keyline.jdbc.budget;
