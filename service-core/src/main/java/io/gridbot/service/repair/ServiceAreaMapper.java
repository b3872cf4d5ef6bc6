package io.gridbot.service.repair;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** Reads {@code service_area}. */
@Mapper
interface ServiceAreaMapper {

  List<ServiceArea> findAll();
}
