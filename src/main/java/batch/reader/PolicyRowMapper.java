package batch.reader;

import java.sql.ResultSet;
import java.sql.SQLException;

import batch.domain.illustration.Gender;
import batch.domain.illustration.Policy;
import batch.domain.illustration.PremiumFrequency;
import batch.domain.illustration.Product;

import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a {@code policy} row to the terms the engines need; the protected personal data is not
 * read at all.
 */
class PolicyRowMapper implements RowMapper<Policy> {

	static final String COLUMNS = "policy_id, product_code, gender, entry_age, sum_assured, modal_premium, "
			+ "premium_frequency, policy_term, premium_paying_term";

	@Override
	public Policy mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new Policy(rs.getLong("policy_id"), Product.valueOf(rs.getString("product_code")),
				Gender.valueOf(rs.getString("gender")), rs.getInt("entry_age"), rs.getBigDecimal("sum_assured"),
				rs.getBigDecimal("modal_premium"), PremiumFrequency.valueOf(rs.getString("premium_frequency")),
				rs.getInt("policy_term"), rs.getInt("premium_paying_term"));
	}

}
