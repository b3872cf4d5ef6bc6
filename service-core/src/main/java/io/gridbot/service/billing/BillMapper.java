package io.gridbot.service.billing;

import io.gridbot.service.account.AccountNo;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface BillMapper {

  List<Bill> findLatest(@Param("accountNo") AccountNo accountNo, @Param("limit") int limit);

  List<Bill> findUnpaid(@Param("accountNo") AccountNo accountNo);

  Optional<Bill> find(@Param("accountNo") AccountNo accountNo, @Param("period") YearMonth period);
}
